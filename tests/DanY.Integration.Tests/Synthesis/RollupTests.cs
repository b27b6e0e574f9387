using System.Security.Claims;
using DanY.Domain.Synthesis;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Jobs;
using DanY.Infrastructure.Synthesis;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DanY.Integration.Tests.Harness;

namespace DanY.Integration.Tests.Synthesis;

/// <summary>Roll-up through the hierarchy on both providers: submission, re-submission, merged counts, status, permissions, CLI.</summary>
[Collection(SynthesisDatabase.Collection)]
public sealed class RollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ClaimsPrincipal> StaffAsync(DanYDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email, Ct);
        return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email)], "test"));
    }

    /// <summary>A stored run of the open consultation (the shared database may already hold one from another test).</summary>
    private static async Task<long> EnsureRunAsync(IServiceProvider services, int consultationId)
    {
        var db = services.GetRequiredService<DanYDbContext>();
        if (await db.SynthesisRuns.Where(r => r.ConsultationId == consultationId).OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(Ct) is long id)
            return id;
        var queue = services.GetRequiredService<SynthesisJobQueue>();
        var job = await queue.EnqueueAsync(consultationId, "test", Ct);
        Assert.True(await queue.ClaimAsync(job.Id, Ct));
        var done = await queue.ExecuteAsync(job.Id, services.GetRequiredService<SynthesisStore>(), null, Ct);
        return done.RunId!.Value;
    }

    /// <summary>Comments of a synthesis, and the sum of its groups' comment counts.</summary>
    private sealed record Totals(int Comments, int GroupComments);

    private static Totals Sum(DanY.Engine.Synthesis.SynthesisDocument d) =>
        new(d.TotalComments, d.Sections.Sum(s => s.Groups.Sum(g => g.Counts.Comments)));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Wards_submit_the_province_merges_with_counts_adding_up_and_resubmission_replaces(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        long runId = await EnsureRunAsync(scope.ServiceProvider, id);
        var rollup = scope.ServiceProvider.GetRequiredService<RollupService>();
        var wardA = await StaffAsync(db, DemoAccounts.WardAOfficer);
        var wardB = await StaffAsync(db, DemoAccounts.WardBOfficer);
        var board = await StaffAsync(db, DemoAccounts.ProvinceBoardEditor);
        int provinceId = await db.Units.Where(u => u.Code == DemoAccounts.Province).Select(u => u.Id).SingleAsync(Ct);
        int wardAId = await db.Units.Where(u => u.Code == DemoAccounts.WardA).Select(u => u.Id).SingleAsync(Ct);

        // Editor of the submitting unit only.
        await Assert.ThrowsAsync<RollupForbiddenException>(() => rollup.SubmitAsync(wardB, id, DemoAccounts.WardA, Ct));
        await Assert.ThrowsAsync<RollupForbiddenException>(() => rollup.SubmitAsync(board, id, DemoAccounts.WardA, Ct));

        var first = await rollup.SubmitAsync(wardA, id, DemoAccounts.WardA, Ct);
        Assert.Equal(provinceId, first.ParentUnitId);
        Assert.Equal(runId, first.RunId);
        Assert.Equal(wardA.FindFirstValue(ClaimTypes.NameIdentifier), first.SubmittedBy);
        // The ward's synthesis carries exactly the ward's comments of the run.
        int wardComments = await (from a in db.SynthesisAssignments where a.RunId == runId
                                  join c in db.Comments on a.CommentId equals c.Id
                                  where c.UnitId == wardAId
                                  select a.Id).CountAsync(Ct);
        Assert.True(wardComments > 0);
        Assert.Equal(wardComments, first.Comments);
        var wardDoc = RollupService.Read(first.ContentJson);
        Assert.All(wardDoc.Sections.SelectMany(s => s.Groups).SelectMany(g => g.Members), m => Assert.Equal(wardAId, RollupService.ParseMember(m).UnitId));
        await rollup.SubmitAsync(wardB, id, DemoAccounts.WardB, Ct);

        // The province's merged view: own comments plus every current child submission, group counts add up.
        var view = await rollup.ViewAsync(id, DemoAccounts.Province, Ct);
        var children = await db.Set<RollupSubmission>().AsNoTracking()
            .Where(s => s.ConsultationId == id && s.ParentUnitId == provinceId && s.IsCurrent).ToListAsync(Ct);
        Assert.Contains(children, s => s.UnitId == wardAId);
        var childSums = children.Select(s => Sum(RollupService.Read(s.ContentJson))).ToList();
        var own = Sum(view.Own);
        Assert.Equal(own.Comments + childSums.Sum(c => c.Comments), view.Merged.TotalComments);
        Assert.Equal(children.Sum(s => s.Comments), childSums.Sum(c => c.Comments));
        Assert.Equal(own.GroupComments + childSums.Sum(c => c.GroupComments), Sum(view.Merged).GroupComments);
        // Groups that mean the same merged: fewer groups than submitted, sources kept.
        Assert.True(view.Merged.Sections.Sum(s => s.Groups.Count) < children.Sum(s => s.Groups));
        var biggest = view.Merged.Sections.SelectMany(s => s.Groups).OrderByDescending(g => g.Counts.Comments).First();
        var sources = RollupService.SourcesOf(biggest, view.Hierarchy);
        Assert.True(sources.Count > 2);
        Assert.Equal(biggest.Counts.Comments, sources.Sum(s => s.Comments));
        Assert.Contains(sources, s => s.Unit.Code == DemoAccounts.WardA);

        // Status of the children: the demo's due date is past, so a submission now is late; all three states show.
        var statuses = view.Children;
        Assert.Equal(SubmissionState.Late, statuses.Single(c => c.Unit.Code == DemoAccounts.WardA).State);
        Assert.Contains(statuses, c => c.State == SubmissionState.OnTime);
        Assert.Contains(statuses, c => c.State == SubmissionState.Missing);
        Assert.DoesNotContain(statuses, c => c.Unit.Code.StartsWith("24.", StringComparison.Ordinal));

        // Re-submission replaces the earlier one, which stays for the record; both changes are audited.
        long auditBefore = await db.AuditEntries.MaxAsync(e => (long?)e.Id, Ct) ?? 0;
        var second = await rollup.SubmitAsync(wardA, id, DemoAccounts.WardA, Ct);
        var rows = await db.Set<RollupSubmission>().AsNoTracking().Where(s => s.ConsultationId == id && s.UnitId == wardAId).OrderBy(s => s.Id).ToListAsync(Ct);
        Assert.Single(rows, s => s.IsCurrent);
        Assert.Equal(second.Id, rows.Single(s => s.IsCurrent).Id);
        Assert.Contains(rows, s => s.Id == first.Id && !s.IsCurrent && s.ReplacedAt is not null);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Id > auditBefore && e.EntityType == nameof(RollupSubmission)).ToListAsync(Ct);
        Assert.Contains(audit, e => e.Action == DanY.Domain.Auditing.AuditAction.Created && e.EntityId == second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(audit, e => e.Action == DanY.Domain.Auditing.AuditAction.Updated && e.EntityId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(audit, e => (e.After ?? "").Contains("ContentJson", StringComparison.Ordinal));
        var again = await rollup.ViewAsync(id, DemoAccounts.Province, Ct);
        Assert.Equal(view.Merged.TotalComments, again.Merged.TotalComments);

        // The due date is editable by the consultation's editors only; moving it later makes the ward on time.
        await Assert.ThrowsAsync<RollupForbiddenException>(() => rollup.SetDueDateAsync(wardA, id, new DateOnly(2030, 1, 1), Ct));
        await rollup.SetDueDateAsync(board, id, new DateOnly(2030, 1, 1), Ct);
        var later = await scope.ServiceProvider.GetRequiredService<RollupService>().ViewAsync(id, DemoAccounts.Province, Ct);
        Assert.Equal(SubmissionState.OnTime, later.Children.Single(c => c.Unit.Code == DemoAccounts.WardA).State);
        Assert.DoesNotContain(later.Children, c => c.State == SubmissionState.Late);
        await rollup.SetDueDateAsync(board, id, DanY.Domain.VietnamTime.Today(TimeProvider.System).AddDays(-3), Ct);

        // The top of the roll-up does not submit; a unit that does not take part (a ward's youth union) neither:
        // its comments are the ward's. A ward's Party committee reports across systems along its reporting line.
        await Assert.ThrowsAsync<InvalidOperationException>(() => rollup.SubmitAsync(null, id, DemoAccounts.Province, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => rollup.SubmitAsync(null, id, DemoAccounts.WardA + ".DTN", Ct));
        var h = view.Hierarchy;
        Assert.Equal(wardAId, h.OwnerOf(h.Find(DemoAccounts.WardA + ".DTN")!.Id));
        Assert.Equal(h.Find("24.TU")!.Id, h.Find(DemoAccounts.WardA + ".DU")!.RollupParentId);
        Assert.Equal(h.Find(DemoAccounts.WardA + ".DU")!.Id, h.OwnerOf(h.Find(DemoAccounts.WardA + ".DU.CB01")!.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Drill_down_reaches_original_comments_only_within_the_readers_units(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        await using var scope = t.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
        int id = await SynthesisDatabase.OpenConsultationIdAsync(db);
        await EnsureRunAsync(scope.ServiceProvider, id);
        var rollup = scope.ServiceProvider.GetRequiredService<RollupService>();
        var wardA = await StaffAsync(db, DemoAccounts.WardAOfficer);
        var wardB = await StaffAsync(db, DemoAccounts.WardBOfficer);
        var board = await StaffAsync(db, DemoAccounts.ProvinceBoardEditor);
        await rollup.SubmitAsync(wardA, id, DemoAccounts.WardA, Ct);
        await rollup.SubmitAsync(wardB, id, DemoAccounts.WardB, Ct);
        int wardAId = await db.Units.Where(u => u.Code == DemoAccounts.WardA).Select(u => u.Id).SingleAsync(Ct);
        int wardBId = await db.Units.Where(u => u.Code == DemoAccounts.WardB).Select(u => u.Id).SingleAsync(Ct);

        var view = await rollup.ViewAsync(id, DemoAccounts.Province, Ct);
        var group = view.Merged.Sections.SelectMany(s => s.Groups)
            .First(g => g.Members.Any(m => RollupService.ParseMember(m).UnitId == wardAId) && g.Members.Any(m => RollupService.ParseMember(m).UnitId == wardBId));

        // The province reader opens the merged group down to ward B's original comments.
        var all = await rollup.DrillDownAsync(board, id, DemoAccounts.Province, group.Id, null, 1, Ct);
        Assert.Equal(0, all.Hidden);
        Assert.Equal(group.Members.Select(m => RollupService.ParseMember(m).CommentId).Distinct().Count(), all.Total);
        var ofB = await rollup.DrillDownAsync(board, id, DemoAccounts.Province, group.Id, wardBId, 1, Ct);
        int expectedB = group.Members.Count(m => RollupService.ParseMember(m).UnitId == wardBId);
        Assert.Equal(expectedB, ofB.Total);
        Assert.NotEmpty(ofB.Comments);
        Assert.All(ofB.Comments, c => Assert.Equal(wardBId, c.UnitId));
        var memberIds = group.Members.Select(m => RollupService.ParseMember(m).CommentId).ToHashSet();
        Assert.All(ofB.Comments, c => Assert.Contains(c.Id, memberIds));

        // A role at ward A only: not the province's merged view, not ward B's comments, whichever way asked.
        await Assert.ThrowsAsync<RollupForbiddenException>(() => rollup.DrillDownAsync(wardA, id, DemoAccounts.Province, group.Id, null, 1, Ct));
        await Assert.ThrowsAsync<RollupForbiddenException>(() => rollup.DrillDownAsync(wardA, id, DemoAccounts.Province, group.Id, wardBId, 1, Ct));
        var wardBView = await rollup.ViewAsync(id, DemoAccounts.WardB, Ct);
        var wardBGroup = wardBView.Merged.Sections.SelectMany(s => s.Groups).First();
        await Assert.ThrowsAsync<RollupForbiddenException>(() => rollup.DrillDownAsync(wardA, id, DemoAccounts.WardB, wardBGroup.Id, null, 1, Ct));
        // Its own ward: only its own comments.
        var wardAView = await rollup.ViewAsync(id, DemoAccounts.WardA, Ct);
        var own = await rollup.DrillDownAsync(wardA, id, DemoAccounts.WardA, wardAView.Merged.Sections.SelectMany(s => s.Groups).First().Id, null, 1, Ct);
        Assert.NotEmpty(own.Comments);
        Assert.All(own.Comments, c => Assert.Equal(wardAId, c.UnitId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cli_synthesis_submit_prints_the_submission_and_replaces_on_resubmission(DatabaseProvider provider)
    {
        var t = await SynthesisDatabase.GetAsync(provider);
        int id;
        await using (var scope = t.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanYDbContext>();
            id = await SynthesisDatabase.OpenConsultationIdAsync(db);
            await EnsureRunAsync(scope.ServiceProvider, id);
        }
        string consultation = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (code, output, error) = await DanyCli.RunAsync(t.Settings, "synthesis", "submit", "--consultation", consultation, "--unit", DemoAccounts.WardB);
        Assert.True(code == 0, error);
        var fields = output.Trim().Split('\t');
        Assert.Equal("submission", fields[0]);
        Assert.Equal(DemoAccounts.WardB, fields[Array.IndexOf(fields, "unit") + 1]);
        Assert.Equal(DemoAccounts.Province, fields[Array.IndexOf(fields, "parent") + 1]);
        (code, output, error) = await DanyCli.RunAsync(t.Settings, "synthesis", "submit", "--consultation", consultation, "--unit", DemoAccounts.WardB);
        Assert.True(code == 0, error);
        Assert.Equal("1", output.Trim().Split('\t')[^1]);
        // Permission is checked when a staff account is named; unknown units are refused with a message.
        (code, _, error) = await DanyCli.RunAsync(t.Settings, "synthesis", "submit", "--consultation", consultation, "--unit", DemoAccounts.WardB, "--user", DemoAccounts.WardAOfficer);
        Assert.Equal(3, code);
        Assert.Contains("không có quyền", error, StringComparison.Ordinal);
        (code, _, error) = await DanyCli.RunAsync(t.Settings, "synthesis", "submit", "--consultation", consultation, "--unit", "NO-SUCH-UNIT");
        Assert.Equal(2, code);
        Assert.Contains("NO-SUCH-UNIT", error, StringComparison.Ordinal);
    }
}
