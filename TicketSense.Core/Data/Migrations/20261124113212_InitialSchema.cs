using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSense.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    sender = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "triage_claims",
                columns: table => new
                {
                    ticket_id = table.Column<string>(type: "text", nullable: false),
                    worker_id = table.Column<string>(type: "text", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_claims", x => x.ticket_id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_triages",
                columns: table => new
                {
                    ticket_id = table.Column<string>(type: "text", nullable: false),
                    priority = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    sentiment = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    model = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    prompt_version = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    latency_ms = table.Column<int>(type: "integer", nullable: false),
                    triaged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_triages", x => x.ticket_id);
                    table.CheckConstraint("ck_ticket_triages_category", "category IN ('billing', 'technical', 'feature_request', 'complaint', 'general')");
                    table.CheckConstraint("ck_ticket_triages_priority", "priority IN ('low', 'medium', 'high', 'critical')");
                    table.CheckConstraint("ck_ticket_triages_sentiment", "sentiment IN ('positive', 'neutral', 'negative', 'angry')");
                    table.CheckConstraint("ck_ticket_triages_source", "source IN ('primary', 'fallback', 'local')");
                    table.ForeignKey(
                        name: "fk_ticket_triages_tickets",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at",
                table: "tickets",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_received_at",
                table: "tickets",
                column: "received_at");

            // Every new ticket wakes the workers: they LISTEN on this channel (the sweep catches a missed one).
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_ticket_created() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('tickets_created', NEW.id);
                    RETURN NEW;
                END;
                $$;

                CREATE TRIGGER tickets_created_notify AFTER INSERT ON tickets
                    FOR EACH ROW EXECUTE FUNCTION notify_ticket_created();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS tickets_created_notify ON tickets;
                DROP FUNCTION IF EXISTS notify_ticket_created();
                """);

            migrationBuilder.DropTable(
                name: "ticket_triages");

            migrationBuilder.DropTable(
                name: "triage_claims");

            migrationBuilder.DropTable(
                name: "tickets");
        }
    }
}
