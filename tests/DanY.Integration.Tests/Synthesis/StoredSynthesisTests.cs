using DanY.Documents.Reports;
using DanY.Domain.Consultations;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Synthesis;
using DanY.TestKit.Databases;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanY.Integration.Tests.Synthesis;

[Collection(SynthesisDatabase.Collection)]
public sealed class StoredSynthesisTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(SynthesisJob Job, SynthesisRun Run)> RunJobAsync(SynthesisDatabase t, int consultationId)
    {
        await using var scope = t.Scope();
        var queue = scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>();
        var job = await queue.EnqueueAsync(consultationId, "test", Ct);
        Assert.True(await queue.ClaimAsync(job.Id, Ct));
        var stages = new List<StoreProgress>();
        var done = await queue.ExecuteAsync(job.Id, scope.ServiceProvider.GetRequiredService<SynthesisStore>(), new SyncProgress(stages), Ct);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(1.0, done.Progress);
        // Progress moved forward through the engine's stages to the end.
        Assert.Contains(stages, s => string.Equals(s.Stage, "grouping", StringComparison.Ordinal));
        Assert.Equal(1.0, stages[^1].Fraction);
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        return (done, await db.SynthesisRuns.AsNoTracking().SingleAsync(r => r.Id == done.RunId, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Demo_synthesis_is_stored_with_counts_equal_to_the_database_and_groups_identical_comments(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        var (_, run) = await RunJobAsync(t, id);

        int received = await db.Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received, Ct);
        Assert.True(received >= 1000, $"demo consultation has {received} comments");
        Assert.Equal(received, run.Comments);
        Assert.Equal(received, await db.SynthesisAssignments.CountAsync(a => a.RunId == run.Id, Ct));
        Assert.False(string.IsNullOrEmpty(run.EngineVersion));
        Assert.Contains("Ladder", run.SettingsJson, StringComparison.Ordinal);

        var groups = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == run.Id).ToListAsync(Ct);
        Assert.NotEmpty(groups);
        var members = await db.SynthesisMembers.AsNoTracking().Where(m => m.RunId == run.Id)
            .GroupBy(m => m.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);
        foreach (var g in groups)
        {
            // The count printed beside the quantifier is the number of comments stored behind the group.
            Assert.Equal(g.Comments, members.GetValueOrDefault(g.Id));
            Assert.False(string.IsNullOrWhiteSpace(g.Quantifier));
            Assert.False(string.IsNullOrWhiteSpace(g.Representative));
        }

        // Comments with the same text (resubmissions in the demo data) land in the same group.
        var sameText = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == id)
            .GroupBy(c => c.ContentHash).Where(g => g.Count() > 1).Select(g => g.Key).Take(20).ToListAsync(Ct);
        Assert.NotEmpty(sameText);
        int checkedFamilies = 0;
        foreach (var hash in sameText)
        {
            var ids = await db.Comments.Where(c => c.ContentHash == hash).Select(c => c.Id).ToListAsync(Ct);
            var assigned = await db.SynthesisAssignments.Where(a => a.RunId == run.Id && ids.Contains(a.CommentId)).ToListAsync(Ct);
            if (assigned.Any(a => a.GroupId is null)) continue;
            Assert.Single(assigned.Select(a => a.GroupId).Distinct());
            checkedFamilies++;
        }
        Assert.True(checkedFamilies > 0);

        // Deterministic: the same input gives the same synthesis.
        var (_, again) = await RunJobAsync(t, id);
        Assert.Equal(run.InputHash, again.InputHash);
        var first = groups.Select(g => (g.SectionRef, g.Representative, g.Comments, g.Quantifier)).Order().ToList();
        var second = (await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == again.Id).ToListAsync(Ct))
            .Select(g => (g.SectionRef, g.Representative, g.Comments, g.Quantifier)).Order().ToList();
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_job_interrupted_by_a_restart_is_requeued_and_finishes(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<SynthesisJobQueue>();
        int id = await db.Consultations.Where(c => c.Title == DanY.Infrastructure.Seed.ConsultationDemoSeeder.ClosedTitle).Select(c => c.Id).SingleAsync(Ct);

        var job = await queue.EnqueueAsync(id, "test", Ct);
        // One job at a time per consultation: asking again returns the same job.
        Assert.Equal(job.Id, (await queue.EnqueueAsync(id, "test", Ct)).Id);
        Assert.True(await queue.ClaimAsync(job.Id, Ct));
        Assert.False(await queue.ClaimAsync(job.Id, Ct));
        Assert.Equal(JobStatus.Running, (await queue.FindAsync(job.Id, Ct))!.Status);

        // The server stops here; on start-up the runner puts running jobs back in the queue.
        Assert.Equal(1, await queue.RecoverAsync(Ct));
        Assert.Equal(JobStatus.Queued, (await queue.FindAsync(job.Id, Ct))!.Status);
        Assert.Equal(job.Id, await queue.ClaimNextAsync(Ct));
        var done = await queue.ExecuteAsync(job.Id, scope.ServiceProvider.GetRequiredService<SynthesisStore>(), null, Ct);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Attempts);
        Assert.NotNull(done.RunId);
        Assert.Null(await queue.ActiveAsync(id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Report_docx_has_the_party_header_the_three_parts_and_the_database_counts(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        if (await scope.ServiceProvider.GetRequiredService<SynthesisStore>().LatestRunAsync(id, Ct) is null) await RunJobAsync(t, id);
        var builder = scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>();

        var report = await builder.BuildAsync(id, "24.TU", Ct);
        var text = Paragraphs(DocxReportWriter.ToBytes(report.Document));
        string all = string.Join("\n", text);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", all, StringComparison.Ordinal);
        Assert.Contains(text, p => p.StartsWith("Số ", StringComparison.Ordinal) && p.Contains("-BC/TU", StringComparison.Ordinal) && !p.StartsWith("Số:", StringComparison.Ordinal));
        Assert.Contains("BÁO CÁO", all, StringComparison.Ordinal);
        int i1 = text.FindIndex(p => p.StartsWith("I. TÌNH HÌNH TỔ CHỨC LẤY Ý KIẾN", StringComparison.Ordinal));
        int i2 = text.FindIndex(p => p.StartsWith("II. KẾT QUẢ TỔNG HỢP Ý KIẾN", StringComparison.Ordinal));
        int i3 = text.FindIndex(p => p.StartsWith("III. KIẾN NGHỊ, ĐỀ XUẤT", StringComparison.Ordinal));
        Assert.True(i1 > 0 && i2 > i1 && i3 > i2, $"parts at {i1}, {i2}, {i3}");
        Assert.Contains("T/M BAN THƯỜNG VỤ", all, StringComparison.Ordinal);

        int received = await db.Comments.CountAsync(c => c.ConsultationId == id && c.Status == CommentStatus.Received, Ct);
        Assert.Contains($"Tổng số ý kiến góp ý nhận được: {ReportText.Number(received)} ý kiến.", text);
        foreach (var (channel, count) in await db.Comments.Where(c => c.ConsultationId == id).GroupBy(c => c.Channel)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct))
        {
            Assert.Equal(count, report.Figures.ByChannel[channel]);
            Assert.Contains(ReportText.Number(count), all, StringComparison.Ordinal);
        }
        int conferences = await db.Conferences.CountAsync(c => c.ConsultationId == id, Ct);
        int attendance = await db.Conferences.Where(c => c.ConsultationId == id).SumAsync(c => c.Attendance, Ct);
        Assert.Contains($"Đã tổ chức {conferences} hội nghị với {ReportText.Number(attendance)} lượt người tham dự.", text);

        // Every group sentence shows the phrase and the raw count from the stored synthesis.
        var run = (await scope.ServiceProvider.GetRequiredService<SynthesisStore>().LatestRunAsync(id, Ct))!;
        var biggest = await db.SynthesisGroups.AsNoTracking().Where(g => g.RunId == run.Id).OrderByDescending(g => g.Comments).FirstAsync(Ct);
        Assert.Contains(text, p => p.Contains($"({ReportText.Number(biggest.Comments)} ý kiến", StringComparison.Ordinal)
            && p.Contains(biggest.Quantifier, StringComparison.OrdinalIgnoreCase));

        // The appendix lists every comment once, with no identity data.
        var rows = new List<AppendixRow>();
        await foreach (var row in builder.AppendixAsync(id, Ct)) rows.Add(row);
        Assert.Equal(received, rows.Count);
        Assert.Equal(received, rows.Select(r => r.Id).Distinct().Count());
        using var xlsx = new MemoryStream();
        await builder.WriteAppendixAsync(id, xlsx, Ct);
        xlsx.Position = 0;
        using var sheet = SpreadsheetDocument.Open(xlsx, false);
        var data = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        Assert.Equal(received + 1, data);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Report_of_a_front_unit_uses_the_state_layout(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        if (await scope.ServiceProvider.GetRequiredService<SynthesisStore>().LatestRunAsync(id, Ct) is null) await RunJobAsync(t, id);
        var report = await scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>().BuildAsync(id, "24.MTTQ", Ct);
        Assert.Equal(DocumentSystem.State, report.Document.System);
        var text = Paragraphs(DocxReportWriter.ToBytes(report.Document));
        Assert.Contains(text, p => p.StartsWith("Số: ", StringComparison.Ordinal) && p.Contains("/BC-MTTQ", StringComparison.Ordinal));
        Assert.DoesNotContain(text, p => p.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", StringComparison.Ordinal));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => scope.ServiceProvider.GetRequiredService<SynthesisReportBuilder>().BuildAsync(id, "NO.SUCH.UNIT", Ct));
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return [.. doc.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    private sealed class SyncProgress(List<StoreProgress> into) : IProgress<StoreProgress>
    {
        public void Report(StoreProgress value)
        {
            lock (into) into.Add(value);
        }
    }
}
