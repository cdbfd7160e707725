using System.Xml.Linq;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Unit;

/// <summary>The project references read as the layers (README, "Layout"): nothing reaches past the layer below it.</summary>
public sealed class ProjectGraphTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Theory]
    [InlineData("TicketSense.Contracts")]
    [InlineData("TicketSense.ServiceDefaults")]
    [InlineData("TicketSense.Core", "TicketSense.Contracts")]
    [InlineData("TicketSense.Api", "TicketSense.Core", "TicketSense.ServiceDefaults")]
    [InlineData("TicketSense.Worker", "TicketSense.Core", "TicketSense.ServiceDefaults")]
    [InlineData("TicketSense.Web", "TicketSense.Contracts", "TicketSense.ServiceDefaults")]
    [InlineData("TicketSense.AppHost", "TicketSense.Api", "TicketSense.Web", "TicketSense.Worker")]
    public void A_project_references_exactly_the_layers_below_it(string project, params string[] expected)
    {
        Assert.Equal(expected.Order(), References(Path.Combine(Root, project, $"{project}.csproj")).Select(r => r.Name).Order());
    }

    [Fact]
    public void The_AppHost_references_the_services_as_Aspire_project_resources_only()
    {
        // IsAspireProjectResource="false" would make a service a library of the AppHost instead of a resource it runs.
        Assert.All(
            References(Path.Combine(Root, "TicketSense.AppHost", "TicketSense.AppHost.csproj")),
            reference => Assert.NotEqual("false", reference.Element.Attribute("IsAspireProjectResource")?.Value, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_benchmark_references_the_test_project_and_nothing_is_aliased()
    {
        var projects = Directory.GetFiles(Root, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.Contains(projects, path => path.Contains($"{Path.DirectorySeparatorChar}bench{Path.DirectorySeparatorChar}"));

        foreach (var path in projects)
        {
            var references = References(path).ToList();
            Assert.DoesNotContain(references, r => r.Element.Attribute("Aliases") is not null);
            if (path.Contains($"{Path.DirectorySeparatorChar}bench{Path.DirectorySeparatorChar}"))
            {
                Assert.DoesNotContain(references, r => r.Name == "TicketSense.Tests");
            }
        }
    }

    private static IEnumerable<(string Name, XElement Element)> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => (Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')), e));
}
