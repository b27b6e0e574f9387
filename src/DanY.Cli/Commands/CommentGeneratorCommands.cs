using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanY.Domain.Consultations;
using DanY.Domain.Units;
using DanY.Engine.Text;
using DanY.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DanY.Cli.Commands;

/// <summary>
/// <c>consultations generate-comments</c>: fills a consultation with realistic comments for scale tests.
/// The texts come from a corpus written by ../shared/bench/gencorpus.py at run time (nothing is
/// shipped); they are spread over the communes of the consultation's target unit, their sections mapped
/// onto the consultation's draft, their dates moved into its window.
/// </summary>
internal static class CommentGeneratorCommands
{
    private const int Batch = 5_000;

    public static Command GenerateComments()
    {
        var command = new Command("generate-comments",
            "Sinh ý kiến góp ý từ kho gencorpus.py để thử tải / generate comments from a gencorpus.py corpus for scale tests.");
        var consultation = new Option<int>("--consultation") { Description = "Mã đợt lấy ý kiến / consultation id", Required = true };
        var count = new Option<int>("--count") { Description = "Số ý kiến / number of comments", Required = true };
        var corpus = new Option<FileInfo>("--corpus") { Description = "comments.csv của gencorpus.py / gencorpus.py comments.csv", Required = true };
        var skip = new Option<int>("--skip") { Description = "Bắt đầu từ dòng thứ N của kho (vòng lại ở cuối) / start at row N of the corpus (wraps)" };
        var section = new Option<string?>("--section") { Description = "Đặt mọi ý kiến vào một mục (mã mục) / file every comment under one section ref" };
        command.Options.Add(consultation);
        command.Options.Add(count);
        command.Options.Add(corpus);
        command.Options.Add(skip);
        command.Options.Add(section);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            int n = parseResult.GetValue(count);
            var file = parseResult.GetValue(corpus)!;
            if (n <= 0 || n > 10_000_000)
            {
                await Console.Error.WriteLineAsync("--count phải từ 1 đến 10.000.000 / --count must be 1 to 10,000,000.");
                return 2;
            }
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {file.FullName}");
                return 2;
            }
            List<Engine.Synthesis.CommentInput> source;
            try
            {
                source = CommentCsv.Read(file.FullName);
            }
            catch (InputException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            if (source.Count == 0)
            {
                await Console.Error.WriteLineAsync("Kho ý kiến rỗng / the corpus is empty.");
                return 2;
            }

            using var host = CliHost.Build(parseResult);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            int id = parseResult.GetValue(consultation);
            var target = await db.Consultations.AsNoTracking().Include(c => c.Drafts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (target is null || target.Drafts.Count == 0)
            {
                await Console.Error.WriteLineAsync($"Không có đợt lấy ý kiến số {id} có dự thảo / no consultation {id} with a draft.");
                return 2;
            }
            int draftId = target.Drafts.OrderBy(d => d.Order).First().DraftId;
            int? versionId = await db.Drafts.Where(d => d.Id == draftId).Select(d => d.CurrentVersionId).SingleAsync(cancellationToken);
            var refs = (await db.DraftSections.AsNoTracking().Where(s => s.DraftVersionId == versionId).Select(s => s.Ref).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            string? forced = parseResult.GetValue(section);
            if (forced is not null && !refs.Contains(forced))
            {
                await Console.Error.WriteLineAsync($"Dự thảo không có mục {forced} / the draft has no section {forced}.");
                return 2;
            }
            var communes = await db.Units.AsNoTracking()
                .Where(u => u.ParentId == target.TargetUnitId && u.Kind == UnitKind.AdministrativeArea && u.Level == UnitLevel.Commune)
                .OrderBy(u => u.Code).Select(u => u.Id).ToListAsync(cancellationToken);
            if (communes.Count == 0) communes = [target.TargetUnitId];

            var corpusStart = source.Where(c => c.SubmittedAt is not null).Select(c => c.SubmittedAt!.Value).DefaultIfEmpty(target.OpensAt).Min();
            var latest = DateTimeOffset.UtcNow < target.ClosesAt ? DateTimeOffset.UtcNow : target.ClosesAt;
            string token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            int start = Math.Max(0, parseResult.GetValue(skip));
            bool auditing = db.AuditingEnabled;
            db.AuditingEnabled = false;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await err.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("ghi ý kiến / writing comments", maxValue: n);
                    for (int i = 0; i < n; i++)
                    {
                        var c = source[(start + i) % source.Count];
                        string unitKey = c.UnitCode ?? "";
                        uint h = Fnv(unitKey);
                        int unitId = communes[(int)(h % (uint)communes.Count)];
                        string? sectionRef = forced ?? Nearest(c.SectionRef, refs);
                        uint roll = Fnv(c.Id) % 10;
                        var stance = roll < 7 ? Stance.Agree : roll < 9 ? Stance.Partly : Stance.Disagree;
                        string channel = c.Channel is { Length: > 0 } ch && CommentChannels.All.Contains(ch, StringComparer.Ordinal) ? ch : CommentChannels.Portal;
                        var at = target.OpensAt + ((c.SubmittedAt ?? corpusStart) - corpusStart);
                        if (at > latest) at = latest;
                        string text = c.Text.Length > Comment.TextMaxLength ? c.Text[..Comment.TextMaxLength] : c.Text;
                        string? group = c.Group is { Length: > 0 } g ? (g.Length > 100 ? g[..100] : g) : null;
                        db.Comments.Add(new Comment(Receipts.New(), "gen-" + token + "-" + i.ToString(CultureInfo.InvariantCulture), id, draftId, versionId,
                            sectionRef, stance, text, channel, unitId, group, null, ContentHash(text), at));
                        if ((i + 1) % Batch == 0 || i == n - 1)
                        {
                            await db.SaveChangesAsync(cancellationToken);
                            db.ChangeTracker.Clear();
                            task.Value = i + 1;
                        }
                    }
                });
            db.AuditingEnabled = auditing;
            long total = await db.Comments.LongCountAsync(c => c.ConsultationId == id, cancellationToken);
            Console.WriteLine(string.Join('\t', "generated", n.ToString(CultureInfo.InvariantCulture), "consultation", id.ToString(CultureInfo.InvariantCulture),
                "comments", total.ToString(CultureInfo.InvariantCulture), "communes", communes.Count.ToString(CultureInfo.InvariantCulture)));
            return 0;
        });
        return command;
    }

    /// <summary>The corpus' section, or its nearest ancestor the draft has ("II.3.4" → "II.3"); null (whole draft) when none.</summary>
    private static string? Nearest(string? reference, HashSet<string> refs)
    {
        string? r = reference?.Trim();
        while (!string.IsNullOrEmpty(r))
        {
            if (refs.Contains(r)) return r;
            int dot = r.LastIndexOf('.');
            r = dot < 0 ? null : r[..dot];
        }
        return null;
    }

    private static uint Fnv(string s)
    {
        uint h = 2166136261;
        foreach (char ch in s)
        {
            h ^= ch;
            h *= 16777619;
        }
        return h;
    }

    private static string ContentHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(VietnameseText.ExactKey(text))));
}
