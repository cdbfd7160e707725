using TicketSense.AppHost.Dashboard;

namespace TicketSense.Tests.Unit.DevDashboard;

public sealed class HtmlTests
{
    [Fact]
    public void Interpolated_values_are_encoded_and_html_is_kept()
    {
        var name = "<script>alert(\"x\")</script>";
        var inner = Html.Of($"<b>{name}</b>");

        var html = Html.Of($"<td title=\"{name}\">{inner}{42.5}</td>");

        Assert.Equal("<td title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\"><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</b>42.5</td>", html.Value);
    }
}
