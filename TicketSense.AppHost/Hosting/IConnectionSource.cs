namespace TicketSense.AppHost.Hosting;

/// <summary>A resource others connect to by connection string (Aspire's <c>ConnectionStrings__name</c>).</summary>
public interface IConnectionSource
{
    string Name { get; }

    string ConnectionString { get; }
}
