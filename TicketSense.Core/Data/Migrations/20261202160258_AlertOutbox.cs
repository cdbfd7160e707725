using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSense.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlertOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "tickets",
                type: "text",
                nullable: false,
                defaultValueSql: "'import'");

            migrationBuilder.CreateTable(
                name: "alert_deliveries",
                columns: table => new
                {
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint = table.Column<string>(type: "text", nullable: false),
                    ticket_id = table.Column<string>(type: "text", nullable: true),
                    @event = table.Column<string>(name: "event", type: "text", nullable: false),
                    dedupe_key = table.Column<string>(type: "text", nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_status = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_deliveries", x => x.delivery_id);
                    table.CheckConstraint("ck_alert_deliveries_event", "event IN ('triaged', 'corrected', 'spike')");
                    table.CheckConstraint("ck_alert_deliveries_status", "status IN ('pending', 'delivered', 'failed')");
                    table.ForeignKey(
                        name: "fk_alert_deliveries_tickets",
                        column: x => x.ticket_id,
                        principalTable: "tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_tickets_origin",
                table: "tickets",
                sql: "origin IN ('import', 'api')");

            migrationBuilder.CreateIndex(
                name: "IX_alert_deliveries_ticket_id",
                table: "alert_deliveries",
                column: "ticket_id");

            migrationBuilder.CreateIndex(
                name: "ix_alert_deliveries_created_at",
                table: "alert_deliveries",
                column: "created_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_alert_deliveries_status_next_attempt_at",
                table: "alert_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ux_alert_deliveries_endpoint_dedupe_key",
                table: "alert_deliveries",
                columns: new[] { "endpoint", "dedupe_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_deliveries");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tickets_origin",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "tickets");
        }
    }
}
