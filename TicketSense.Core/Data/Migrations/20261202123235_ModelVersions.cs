using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TicketSense.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "triage_model_trainings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reason = table.Column<string>(type: "text", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_model_trainings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "triage_models",
                columns: table => new
                {
                    version = table.Column<int>(type: "integer", nullable: false),
                    feature_key = table.Column<string>(type: "text", nullable: false),
                    trained_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    examples = table.Column<int>(type: "integer", nullable: false),
                    corrections = table.Column<int>(type: "integer", nullable: false),
                    history_mark = table.Column<long>(type: "bigint", nullable: false),
                    training_ms = table.Column<int>(type: "integer", nullable: false),
                    accuracy_priority = table.Column<double>(type: "double precision", nullable: true),
                    accuracy_category = table.Column<double>(type: "double precision", nullable: true),
                    accuracy_sentiment = table.Column<double>(type: "double precision", nullable: true),
                    payload = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_triage_models", x => x.version);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_triage_history_human",
                table: "ticket_triage_history",
                column: "id",
                filter: "source = 'human'");

            migrationBuilder.CreateIndex(
                name: "ux_triage_model_trainings_unfinished",
                table: "triage_model_trainings",
                column: "finished_at",
                unique: true,
                filter: "finished_at IS NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_triage_models_feature_key_version",
                table: "triage_models",
                columns: new[] { "feature_key", "version" },
                descending: new[] { false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "triage_model_trainings");

            migrationBuilder.DropTable(
                name: "triage_models");

            migrationBuilder.DropIndex(
                name: "ix_ticket_triage_history_human",
                table: "ticket_triage_history");
        }
    }
}
