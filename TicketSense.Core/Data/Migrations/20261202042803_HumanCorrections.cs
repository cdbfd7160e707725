using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TicketSense.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HumanCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_triages_source",
                table: "ticket_triages");

            migrationBuilder.AddColumn<bool>(
                name: "awaiting_model",
                table: "ticket_triages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "confidence_category",
                table: "ticket_triages",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "confidence_priority",
                table: "ticket_triages",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "confidence_sentiment",
                table: "ticket_triages",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "corrected_at",
                table: "ticket_triages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "human_fields",
                table: "ticket_triages",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "reviewer",
                table: "ticket_triages",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ticket_triage_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ticket_id = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: false),
                    reviewer = table.Column<string>(type: "text", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    priority = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    sentiment = table.Column<string>(type: "text", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    confidence_priority = table.Column<double>(type: "double precision", nullable: true),
                    confidence_category = table.Column<double>(type: "double precision", nullable: true),
                    confidence_sentiment = table.Column<double>(type: "double precision", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_triage_history", x => x.id);
                    table.CheckConstraint("ck_ticket_triage_history_category", "category IN ('billing', 'technical', 'feature_request', 'complaint', 'general')");
                    table.CheckConstraint("ck_ticket_triage_history_priority", "priority IN ('low', 'medium', 'high', 'critical')");
                    table.CheckConstraint("ck_ticket_triage_history_sentiment", "sentiment IN ('positive', 'neutral', 'negative', 'angry')");
                    table.CheckConstraint("ck_ticket_triage_history_source", "source IN ('primary', 'fallback', 'local', 'human')");
                    table.ForeignKey(
                        name: "fk_ticket_triage_history_tickets",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_triages_source",
                table: "ticket_triages",
                sql: "source IN ('primary', 'fallback', 'local', 'human')");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_triage_history_ticket_id_at",
                table: "ticket_triage_history",
                columns: new[] { "ticket_id", "at", "id" },
                descending: new[] { false, true, true });

            // Every triage recorded so far becomes the first entry of its ticket's history.
            migrationBuilder.Sql("""
                INSERT INTO ticket_triage_history (ticket_id, source, model, priority, category, sentiment, summary, tags, at)
                SELECT ticket_id, source, model, priority, category, sentiment, summary, tags, triaged_at FROM ticket_triages;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_triage_history");

            migrationBuilder.DropCheckConstraint(
                name: "ck_ticket_triages_source",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "awaiting_model",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "confidence_category",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "confidence_priority",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "confidence_sentiment",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "corrected_at",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "human_fields",
                table: "ticket_triages");

            migrationBuilder.DropColumn(
                name: "reviewer",
                table: "ticket_triages");

            migrationBuilder.AddCheckConstraint(
                name: "ck_ticket_triages_source",
                table: "ticket_triages",
                sql: "source IN ('primary', 'fallback', 'local')");
        }
    }
}
