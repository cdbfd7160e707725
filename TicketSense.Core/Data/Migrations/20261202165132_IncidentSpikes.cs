using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TicketSense.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class IncidentSpikes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incident_spikes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category = table.Column<string>(type: "text", nullable: false),
                    tag = table.Column<string>(type: "text", nullable: false),
                    ticket_count = table.Column<int>(type: "integer", nullable: false),
                    first_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_spikes", x => x.id);
                    table.CheckConstraint("ck_incident_spikes_category", "category IN ('billing', 'technical', 'feature_request', 'complaint', 'general')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_incident_spikes_category_last_received_at",
                table: "incident_spikes",
                columns: new[] { "category", "last_received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incident_spikes_detected_at",
                table: "incident_spikes",
                column: "detected_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incident_spikes");
        }
    }
}
