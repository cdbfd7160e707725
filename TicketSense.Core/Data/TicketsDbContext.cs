using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>The Postgres schema of shared/DESIGN.md section 3; changed only through migrations.</summary>
public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : DbContext(options)
{
    /// <summary>The channel the insert trigger on <c>tickets</c> notifies with each new id.</summary>
    public const string TicketsCreatedChannel = "tickets_created";

    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTriage> TicketTriages => Set<TicketTriage>();
    public DbSet<TriageClaim> TriageClaims => Set<TriageClaim>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Id).HasColumnName("id");
            ticket.Property(t => t.Sender).HasColumnName("sender");
            ticket.Property(t => t.Subject).HasColumnName("subject");
            ticket.Property(t => t.Body).HasColumnName("body");
            ticket.Property(t => t.ReceivedAt).HasColumnName("received_at");
            ticket.Property(t => t.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
            ticket.HasIndex(t => t.ReceivedAt).HasDatabaseName("ix_tickets_received_at");
            ticket.HasIndex(t => t.CreatedAt).HasDatabaseName("ix_tickets_created_at");
        });

        modelBuilder.Entity<TicketTriage>(triage =>
        {
            triage.ToTable("ticket_triages", table =>
            {
                table.HasCheckConstraint("ck_ticket_triages_priority", InList("priority", WireNames.All<Priority>()));
                table.HasCheckConstraint("ck_ticket_triages_category", InList("category", WireNames.All<Category>()));
                table.HasCheckConstraint("ck_ticket_triages_sentiment", InList("sentiment", WireNames.All<Sentiment>()));
                table.HasCheckConstraint("ck_ticket_triages_source", InList("source", WireNames.All<TriageSource>()));
            });
            triage.HasKey(t => t.TicketId);
            triage.Property(t => t.TicketId).HasColumnName("ticket_id");
            triage.HasOne<Ticket>().WithOne().HasForeignKey<TicketTriage>(t => t.TicketId)
                .HasConstraintName("fk_ticket_triages_tickets").OnDelete(DeleteBehavior.Cascade);
            triage.Property(t => t.Priority).HasColumnName("priority").HasConversion(WireConverter<Priority>());
            triage.Property(t => t.Category).HasColumnName("category").HasConversion(WireConverter<Category>());
            triage.Property(t => t.Sentiment).HasColumnName("sentiment").HasConversion(WireConverter<Sentiment>());
            triage.Property(t => t.Summary).HasColumnName("summary");
            triage.Property(t => t.Tags).HasColumnName("tags");
            triage.Property(t => t.Model).HasColumnName("model");
            triage.Property(t => t.Source).HasColumnName("source").HasConversion(WireConverter<TriageSource>());
            triage.Property(t => t.PromptVersion).HasColumnName("prompt_version");
            triage.Property(t => t.Attempts).HasColumnName("attempts");
            triage.Property(t => t.LatencyMs).HasColumnName("latency_ms");
            triage.Property(t => t.TriagedAt).HasColumnName("triaged_at");
        });

        modelBuilder.Entity<TriageClaim>(claim =>
        {
            claim.ToTable("triage_claims");
            claim.HasKey(c => c.TicketId);
            claim.Property(c => c.TicketId).HasColumnName("ticket_id");
            claim.Property(c => c.WorkerId).HasColumnName("worker_id");
            claim.Property(c => c.LeaseUntil).HasColumnName("lease_until");
        });
    }

    private static string InList(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => $"'{v}'"))})";

    private static ValueConverter<TEnum, string> WireConverter<TEnum>() where TEnum : struct, Enum =>
        new(value => WireNames.Of(value), text => WireNames.Parse<TEnum>(text));
}
