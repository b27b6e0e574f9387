using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanY.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Labelling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "label_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Labels = table.Column<string>(type: "TEXT", maxLength: 2430, nullable: false),
                    IsModeration = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_sets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_label_sets_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "comment_labels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LabelledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LabelledAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_labels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comment_labels_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_comment_labels_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "label_models",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelBytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EngineVersion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrainingExamples = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldBackExamples = table.Column<int>(type: "INTEGER", nullable: false),
                    Accuracy = table.Column<double>(type: "REAL", nullable: false),
                    MacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    MetricsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TrainedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    TrainingSeconds = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_models", x => x.Id);
                    table.ForeignKey(
                        name: "FK_label_models_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "label_suggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_label_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_label_suggestions_comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_label_suggestions_label_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "label_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_label_suggestions_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "labelling_jobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LabelSetId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_labelling_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_labelling_jobs_consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_labelling_jobs_label_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "label_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_labelling_jobs_label_sets_LabelSetId",
                        column: x => x.LabelSetId,
                        principalTable: "label_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_comment_labels_CommentId",
                table: "comment_labels",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_comment_labels_LabelSetId_CommentId",
                table: "comment_labels",
                columns: new[] { "LabelSetId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_label_models_LabelSetId",
                table: "label_models",
                column: "LabelSetId");

            migrationBuilder.CreateIndex(
                name: "IX_label_sets_UnitId_Name",
                table: "label_sets",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_label_suggestions_CommentId",
                table: "label_suggestions",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_label_suggestions_LabelSetId_CommentId",
                table: "label_suggestions",
                columns: new[] { "LabelSetId", "CommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_label_suggestions_ModelId",
                table: "label_suggestions",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_labelling_jobs_ConsultationId",
                table: "labelling_jobs",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_labelling_jobs_LabelSetId_ConsultationId",
                table: "labelling_jobs",
                columns: new[] { "LabelSetId", "ConsultationId" });

            migrationBuilder.CreateIndex(
                name: "IX_labelling_jobs_ModelId",
                table: "labelling_jobs",
                column: "ModelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comment_labels");

            migrationBuilder.DropTable(
                name: "label_suggestions");

            migrationBuilder.DropTable(
                name: "labelling_jobs");

            migrationBuilder.DropTable(
                name: "label_models");

            migrationBuilder.DropTable(
                name: "label_sets");
        }
    }
}
