using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketSense.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_created_at",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_received_at",
                table: "tickets");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at_id",
                table: "tickets",
                columns: new[] { "created_at", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_received_at_id",
                table: "tickets",
                columns: new[] { "received_at", "id" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_subject_trgm",
                table: "tickets",
                column: "subject")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_triages_category",
                table: "ticket_triages",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_triages_priority",
                table: "ticket_triages",
                column: "priority");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_triages_sentiment",
                table: "ticket_triages",
                column: "sentiment");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_created_at_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_received_at_id",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_subject_trgm",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_ticket_triages_category",
                table: "ticket_triages");

            migrationBuilder.DropIndex(
                name: "ix_ticket_triages_priority",
                table: "ticket_triages");

            migrationBuilder.DropIndex(
                name: "ix_ticket_triages_sentiment",
                table: "ticket_triages");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_created_at",
                table: "tickets",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_tickets_received_at",
                table: "tickets",
                column: "received_at");
        }
    }
}
