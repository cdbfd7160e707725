using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;
using TicketSense.Core.Learning;

namespace TicketSense.Core.Data;

/// <summary>The Postgres schema of shared/DESIGN.md section 3; changed only through migrations.</summary>
public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : DbContext(options)
{
    /// <summary>The channel the insert trigger on <c>tickets</c> notifies with each new id.</summary>
    public const string TicketsCreatedChannel = "tickets_created";

    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketTriage> TicketTriages => Set<TicketTriage>();
    public DbSet<TriageClaim> TriageClaims => Set<TriageClaim>();
    public DbSet<TriageHistoryRecord> TriageHistory => Set<TriageHistoryRecord>();
    public DbSet<StoredModel> Models => Set<StoredModel>();
    public DbSet<ModelTraining> ModelTrainings => Set<ModelTraining>();
    public DbSet<AlertDelivery> AlertDeliveries => Set<AlertDelivery>();
    public DbSet<IncidentSpike> IncidentSpikes => Set<IncidentSpike>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.ToTable("tickets", table => table.HasCheckConstraint("ck_tickets_origin", InList("origin", WireNames.All<TicketOrigin>())));
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Id).HasColumnName("id");
            ticket.Property(t => t.Sender).HasColumnName("sender");
            ticket.Property(t => t.Subject).HasColumnName("subject");
            ticket.Property(t => t.Body).HasColumnName("body");
            ticket.Property(t => t.ReceivedAt).HasColumnName("received_at");
            ticket.Property(t => t.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
            ticket.Property(t => t.CreatedBy).HasColumnName("created_by");
            // Rows from before origins existed were all loaded in bulk (the API raised no alerts then).
            ticket.Property(t => t.Origin).HasColumnName("origin").HasConversion(WireConverter<TicketOrigin>())
                .HasDefaultValueSql("'import'").ValueGeneratedNever();
            // GET /tickets' two time orders exactly (newest first, then id), so a page is read off the index and stops at its limit.
            ticket.HasIndex(t => new { t.ReceivedAt, t.Id }).IsDescending(true, false).HasDatabaseName("ix_tickets_received_at_id");
            ticket.HasIndex(t => new { t.CreatedAt, t.Id }).IsDescending(true, false).HasDatabaseName("ix_tickets_created_at_id");
            // q: a case-insensitive substring of the subject (ILIKE '%…%').
            ticket.HasIndex(t => t.Subject).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_tickets_subject_trgm");
        });
        modelBuilder.HasPostgresExtension("pg_trgm");

        modelBuilder.Entity<IncidentSpike>(spike =>
        {
            spike.ToTable("incident_spikes", table => table.HasCheckConstraint("ck_incident_spikes_category", InList("category", WireNames.All<Category>())));
            spike.HasKey(s => s.Id);
            spike.Property(s => s.Id).HasColumnName("id");
            spike.Property(s => s.Category).HasColumnName("category").HasConversion(WireConverter<Category>());
            spike.Property(s => s.Tag).HasColumnName("tag");
            spike.Property(s => s.TicketCount).HasColumnName("ticket_count");
            spike.Property(s => s.FirstReceivedAt).HasColumnName("first_received_at");
            spike.Property(s => s.LastReceivedAt).HasColumnName("last_received_at");
            spike.Property(s => s.DetectedAt).HasColumnName("detected_at");
            // The detector's lookup of a category's active spikes, and the banner's.
            spike.HasIndex(s => new { s.Category, s.LastReceivedAt }).HasDatabaseName("ix_incident_spikes_category_last_received_at");
            spike.HasIndex(s => s.DetectedAt).HasDatabaseName("ix_incident_spikes_detected_at");
        });

        modelBuilder.Entity<AlertDelivery>(delivery =>
        {
            delivery.ToTable("alert_deliveries", table =>
            {
                table.HasCheckConstraint("ck_alert_deliveries_event", InList("event", WireNames.All<AlertEvent>()));
                table.HasCheckConstraint("ck_alert_deliveries_status", InList("status", WireNames.All<AlertDeliveryStatus>()));
            });
            delivery.HasKey(d => d.DeliveryId);
            delivery.Property(d => d.DeliveryId).HasColumnName("delivery_id").ValueGeneratedNever();
            delivery.Property(d => d.Endpoint).HasColumnName("endpoint");
            delivery.Property(d => d.TicketId).HasColumnName("ticket_id");
            delivery.HasOne<Ticket>().WithMany().HasForeignKey(d => d.TicketId)
                .HasConstraintName("fk_alert_deliveries_tickets").OnDelete(DeleteBehavior.Cascade);
            delivery.Property(d => d.Event).HasColumnName("event").HasConversion(WireConverter<AlertEvent>());
            delivery.Property(d => d.DedupeKey).HasColumnName("dedupe_key");
            delivery.Property(d => d.Body).HasColumnName("body");
            delivery.Property(d => d.Status).HasColumnName("status").HasConversion(WireConverter<AlertDeliveryStatus>());
            delivery.Property(d => d.Attempts).HasColumnName("attempts");
            delivery.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
            delivery.Property(d => d.LastAttemptAt).HasColumnName("last_attempt_at");
            delivery.Property(d => d.LastStatus).HasColumnName("last_status");
            delivery.Property(d => d.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
            // Never owed twice: one alert per endpoint and key (a ticket's id for ticket events). NULL keys never collide.
            delivery.HasIndex(d => new { d.Endpoint, d.DedupeKey }).IsUnique().HasDatabaseName("ux_alert_deliveries_endpoint_dedupe_key");
            // The dispatcher's claim: due pending rows.
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName("ix_alert_deliveries_status_next_attempt_at");
            // GET /alerts/deliveries, newest first.
            delivery.HasIndex(d => d.CreatedAt).IsDescending().HasDatabaseName("ix_alert_deliveries_created_at");
        });

        modelBuilder.Entity<TicketTriage>(triage =>
        {
            triage.ToTable("ticket_triages", table => CheckLabelsAndSource(table, "ticket_triages"));
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
            triage.Property(t => t.ConfidencePriority).HasColumnName("confidence_priority");
            triage.Property(t => t.ConfidenceCategory).HasColumnName("confidence_category");
            triage.Property(t => t.ConfidenceSentiment).HasColumnName("confidence_sentiment");
            triage.Property(t => t.HumanFields).HasColumnName("human_fields").HasDefaultValueSql("'{}'");
            triage.Property(t => t.Reviewer).HasColumnName("reviewer");
            triage.Property(t => t.CorrectedAt).HasColumnName("corrected_at");
            triage.Property(t => t.AwaitingModel).HasColumnName("awaiting_model").HasDefaultValue(false);
            // GET /tickets' label filters (and the counts of their totals).
            triage.HasIndex(t => t.Priority).HasDatabaseName("ix_ticket_triages_priority");
            triage.HasIndex(t => t.Category).HasDatabaseName("ix_ticket_triages_category");
            triage.HasIndex(t => t.Sentiment).HasDatabaseName("ix_ticket_triages_sentiment");
        });

        modelBuilder.Entity<TriageHistoryRecord>(history =>
        {
            history.ToTable("ticket_triage_history", table => CheckLabelsAndSource(table, "ticket_triage_history"));
            history.HasKey(h => h.Id);
            history.Property(h => h.Id).HasColumnName("id");
            history.Property(h => h.TicketId).HasColumnName("ticket_id");
            history.HasOne<Ticket>().WithMany().HasForeignKey(h => h.TicketId)
                .HasConstraintName("fk_ticket_triage_history_tickets").OnDelete(DeleteBehavior.Cascade);
            history.Property(h => h.Source).HasColumnName("source").HasConversion(WireConverter<TriageSource>());
            history.Property(h => h.Model).HasColumnName("model");
            history.Property(h => h.Reviewer).HasColumnName("reviewer");
            history.Property(h => h.Note).HasColumnName("note");
            history.Property(h => h.Priority).HasColumnName("priority").HasConversion(WireConverter<Priority>());
            history.Property(h => h.Category).HasColumnName("category").HasConversion(WireConverter<Category>());
            history.Property(h => h.Sentiment).HasColumnName("sentiment").HasConversion(WireConverter<Sentiment>());
            history.Property(h => h.Summary).HasColumnName("summary");
            history.Property(h => h.Tags).HasColumnName("tags");
            history.Property(h => h.ConfidencePriority).HasColumnName("confidence_priority");
            history.Property(h => h.ConfidenceCategory).HasColumnName("confidence_category");
            history.Property(h => h.ConfidenceSentiment).HasColumnName("confidence_sentiment");
            history.Property(h => h.At).HasColumnName("at");
            history.Property(h => h.Actor).HasColumnName("actor");
            history.HasIndex(h => new { h.TicketId, h.At, h.Id }).IsDescending(false, true, true)
                .HasDatabaseName("ix_ticket_triage_history_ticket_id_at");
            // The corrections after a model version's mark, counted by the Worker every poll.
            history.HasIndex(h => h.Id).HasFilter("source = 'human'").HasDatabaseName("ix_ticket_triage_history_human");
        });

        modelBuilder.Entity<StoredModel>(model =>
        {
            model.ToTable("triage_models");
            model.HasKey(m => m.Version);
            model.Property(m => m.Version).HasColumnName("version").ValueGeneratedNever();
            model.Property(m => m.FeatureKey).HasColumnName("feature_key");
            model.Property(m => m.TrainedAt).HasColumnName("trained_at");
            model.Property(m => m.Examples).HasColumnName("examples");
            model.Property(m => m.Corrections).HasColumnName("corrections");
            model.Property(m => m.HistoryMark).HasColumnName("history_mark");
            model.Property(m => m.TrainingMs).HasColumnName("training_ms");
            model.Property(m => m.AccuracyPriority).HasColumnName("accuracy_priority");
            model.Property(m => m.AccuracyCategory).HasColumnName("accuracy_category");
            model.Property(m => m.AccuracySentiment).HasColumnName("accuracy_sentiment");
            model.Property(m => m.Payload).HasColumnName("payload");
            model.Ignore(m => m.Accuracy);
            model.HasIndex(m => new { m.FeatureKey, m.Version }).IsDescending(false, true).HasDatabaseName("ix_triage_models_feature_key_version");
        });

        modelBuilder.Entity<ModelTraining>(training =>
        {
            training.ToTable("triage_model_trainings");
            training.HasKey(t => t.Id);
            training.Property(t => t.Id).HasColumnName("id");
            training.Property(t => t.Reason).HasColumnName("reason");
            training.Property(t => t.RequestedAt).HasColumnName("requested_at");
            training.Property(t => t.StartedAt).HasColumnName("started_at");
            training.Property(t => t.FinishedAt).HasColumnName("finished_at");
            training.Property(t => t.Version).HasColumnName("version");
            training.Property(t => t.Error).HasColumnName("error");
            // Every unfinished row has finished_at NULL, and NULLs count as equal here: at most one unfinished training.
            training.HasIndex(t => t.FinishedAt).IsUnique().AreNullsDistinct(false).HasFilter("finished_at IS NULL")
                .HasDatabaseName("ux_triage_model_trainings_unfinished");
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

    /// <summary>Check constraints that keep <c>priority</c>, <c>category</c>, <c>sentiment</c> and <c>source</c> to their enums.</summary>
    private static void CheckLabelsAndSource<TEntity>(TableBuilder<TEntity> table, string name) where TEntity : class
    {
        table.HasCheckConstraint($"ck_{name}_priority", InList("priority", WireNames.All<Priority>()));
        table.HasCheckConstraint($"ck_{name}_category", InList("category", WireNames.All<Category>()));
        table.HasCheckConstraint($"ck_{name}_sentiment", InList("sentiment", WireNames.All<Sentiment>()));
        table.HasCheckConstraint($"ck_{name}_source", InList("source", WireNames.All<TriageSource>()));
    }

    private static string InList(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => $"'{v}'"))})";

    private static ValueConverter<TEnum, string> WireConverter<TEnum>() where TEnum : struct, Enum =>
        new(value => WireNames.Of(value), text => WireNames.Parse<TEnum>(text));
}
