using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketSense.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database or host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TicketsDbContext>
{
    public TicketsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TicketsDbContext>().UseNpgsql("Host=localhost;Database=tickets").Options);
}
