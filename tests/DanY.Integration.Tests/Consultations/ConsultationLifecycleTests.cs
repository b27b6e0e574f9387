using DanY.Domain;
using DanY.Documents.Drafts;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Consultations;
using Microsoft.EntityFrameworkCore;

using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;

namespace DanY.Integration.Tests.Consultations;

public sealed class ConsultationLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Close_and_reopen_are_audited_and_illegal_transitions_refused(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        await app.WithDbAsync(async db =>
        {
            var c = await db.Consultations.Include(x => x.Drafts).SingleAsync(x => x.Id == seeded.ConsultationId, Ct);
            Assert.Throws<ConsultationRuleException>(c.Reopen);
            Assert.Throws<ConsultationRuleException>(c.Publish);
            c.Close();
            await db.SaveChangesAsync(Ct);
            c.Reopen();
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Consultation) && a.EntityId == seeded.ConsultationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.After }).ToListAsync(Ct));
        Assert.Equal(3, audit.Count);
        Assert.Contains("\"Status\":\"Closed\"", audit[1].After, StringComparison.Ordinal);
        Assert.Contains("\"Status\":\"Open\"", audit[2].After, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Editor_changes_the_window_in_vietnam_time_and_the_channels_and_it_is_audited(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        string email = await app.CreateStaffAsync(seeded.ProvinceId);
        using var editor = await app.LoginAsync(email, ConsultationFixtures.StaffPassword);
        string page = $"/admin/consultations/{seeded.ConsultationId}/edit";
        Assert.Contains("name=\"OpensTime\"", await editor.GetStringAsync(page, Ct), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Title"] = "Lấy ý kiến thử nghiệm (gia hạn)",
            ["OpensDate"] = "01/12/2025", ["OpensTime"] = "07:30",
            ["ClosesDate"] = "31/12/2025", ["ClosesTime"] = "17:00",
            ["Groups"] = "Công nhân, Trí thức",
        };
        using var bad = await Forms.PostAsync(editor, page, page, new Dictionary<string, string>(fields) { ["ClosesDate"] = "30/11/2025", ["Channels"] = CommentChannels.Portal });
        Assert.Contains("phải sau thời điểm bắt đầu", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var noTime = await Forms.PostAsync(editor, page, page, new Dictionary<string, string>(fields) { ["OpensTime"] = "7h", ["Channels"] = CommentChannels.Portal });
        Assert.Contains("HH:mm", await noTime.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        string token = await DanYApp.AntiforgeryTokenAsync(editor, page);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        form.Add(new("Channels", CommentChannels.Portal));
        form.Add(new("Channels", CommentChannels.Intake));
        form.Add(new("__RequestVerificationToken", token));
        using var saved = await editor.PostAsync(page, new FormUrlEncodedContent(form), Ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);

        var c = await app.WithDbAsync(db => db.Consultations.AsNoTracking().SingleAsync(x => x.Id == seeded.ConsultationId, Ct));
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 30, 0, TimeSpan.Zero), c.OpensAt.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 10, 0, 0, TimeSpan.Zero), c.ClosesAt.ToUniversalTime());
        Assert.Equal([CommentChannels.Portal, CommentChannels.Intake], c.ChannelList);
        Assert.Equal(["Công nhân", "Trí thức"], c.SocialGroupList);
        Assert.Equal("Lấy ý kiến thử nghiệm (gia hạn)", c.Title);

        // The form shows the stored window back in Vietnam time.
        string again = await editor.GetStringAsync(page, Ct);
        Assert.Contains("value=\"07:30\"", again, StringComparison.Ordinal);
        Assert.Contains("value=\"31/12/2025\"", again, StringComparison.Ordinal);

        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Consultation) && a.EntityId == seeded.ConsultationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => new { a.Actor, a.ActorName, a.Before, a.After }).ToListAsync(Ct));
        var change = audit[^1];
        Assert.Contains("ClosesAt", change.After, StringComparison.Ordinal);
        Assert.Contains("Channels", change.After, StringComparison.Ordinal);
        Assert.Contains("ClosesAt", change.Before, StringComparison.Ordinal);
        Assert.NotEqual("", change.Actor);

        // Someone without the editor role cannot open the form.
        using var viewer = await app.LoginAsync(await app.CreateStaffAsync(seeded.ProvinceId, DanY.Domain.Accounts.UnitRole.Viewer), ConsultationFixtures.StaffPassword);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await viewer.GetAsync(page, Ct)).StatusCode);
    }

    [Fact]
    public void Window_is_half_open_and_only_open_consultations_accept()
    {
        var opens = VietnamTime.FromLocal(new DateOnly(2026, 9, 1), TimeOnly.MinValue);
        var closes = VietnamTime.EndOfDay(new DateOnly(2027, 2, 28));
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 17, 0, 0, TimeSpan.Zero), opens.ToUniversalTime());
        var c = new Consultation("Thử", 1, 1, opens, closes, [CommentChannels.Portal], []);
        Assert.False(c.IsAcceptingAt(opens.AddDays(1)));
        Assert.Throws<ConsultationRuleException>(c.Publish);
        c.AddDraft(7);
        c.Publish();
        Assert.True(c.IsAcceptingAt(opens));
        Assert.False(c.IsAcceptingAt(opens.AddTicks(-1)));
        Assert.True(c.IsAcceptingAt(closes.AddTicks(-1)));
        Assert.False(c.IsAcceptingAt(closes));
        Assert.Throws<ConsultationRuleException>(() => new Consultation("Thử", 1, 1, closes, opens, [], []));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Comments_on_a_section_removed_in_a_new_version_are_kept_and_listed(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        var writer = (CommentWriter)app.Services.GetService(typeof(CommentWriter))!;
        int v1 = await app.WithDbAsync(db => db.Drafts.Where(d => d.Id == seeded.DraftId).Select(d => d.CurrentVersionId!.Value).SingleAsync(Ct));
        await writer.SubmitAsync(new NewComment(seeded.ConsultationId, seeded.DraftId, v1, "II", Stance.Disagree, "Phương hướng cần cụ thể hơn.", CommentChannels.Portal, "r-1"), Ct);
        await writer.SubmitAsync(new NewComment(seeded.ConsultationId, seeded.DraftId, v1, "I.1", Stance.Agree, "Về kinh tế.", CommentChannels.Portal, "r-2"), Ct);

        // Version 2 drops "II. Phương hướng" altogether.
        string v2 = ConsultationFixtures.ShortReport[..ConsultationFixtures.ShortReport.IndexOf("## II.", StringComparison.Ordinal)];
        var changes = await app.WithDbAsync(async db =>
            await DraftVersions.ImportAsync(db, await db.Drafts.SingleAsync(d => d.Id == seeded.DraftId, Ct), "v2.md", MarkdownDraftReader.Parse(v2), DateTimeOffset.UtcNow, Ct));
        Assert.Contains("II", changes.Removed);
        Assert.Equal(1, changes.CommentsOrphaned);
        Assert.Equal(2, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));

        using var staff = await app.LoginAsync(await app.CreateStaffAsync(seeded.ProvinceId, DanY.Domain.Accounts.UnitRole.Viewer), ConsultationFixtures.StaffPassword);
        string html = await staff.GetStringAsync($"/admin/drafts/{seeded.DraftId}/removed-sections", Ct);
        Assert.Contains("Mục II (bản 1) — đã bỏ ở bản 2", html, StringComparison.Ordinal);
        Assert.Contains("Phương hướng cần cụ thể hơn.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Về kinh tế.", html, StringComparison.Ordinal);

        var other = await app.SeedConsultationAsync();
        using var outsider = await app.LoginAsync(await app.CreateStaffAsync(other.ProvinceId), ConsultationFixtures.StaffPassword);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/drafts/{seeded.DraftId}/removed-sections", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task New_version_moves_comments_to_the_matching_section(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        var writer = app.Services.GetService(typeof(CommentWriter)) as CommentWriter;
        Assert.NotNull(writer);
        int oldVersion = await app.WithDbAsync(db => db.Drafts.Where(d => d.Id == seeded.DraftId).Select(d => d.CurrentVersionId!.Value).SingleAsync(Ct));
        await writer.SubmitAsync(new NewComment(seeded.ConsultationId, seeded.DraftId, oldVersion, "I.2", Stance.Agree, "Về y tế", CommentChannels.Portal, "v-1"), Ct);
        await writer.SubmitAsync(new NewComment(seeded.ConsultationId, seeded.DraftId, oldVersion, "II", Stance.Agree, "Về phương hướng", CommentChannels.Portal, "v-2"), Ct);

        // Version 2 inserts a new section before "Văn hóa, xã hội", which becomes I.3.
        string v2 = ConsultationFixtures.ShortReport.Replace("### 2. Văn hóa, xã hội {#I.2}", "### 2. Môi trường {#I.2}\n\nXử lý ô nhiễm làng nghề.\n\n### 3. Văn hóa, xã hội {#I.3}", StringComparison.Ordinal);
        var changes = await app.WithDbAsync(async db =>
        {
            var draft = await db.Drafts.SingleAsync(d => d.Id == seeded.DraftId, Ct);
            var result = await DraftVersions.ImportAsync(db, draft, "v2.md", MarkdownDraftReader.Parse(v2), DateTimeOffset.UtcNow, Ct);
            return result;
        });
        Assert.Equal(2, changes.Number);
        Assert.Contains(changes.Matches, m => m.OldRef == "I.2" && m.NewRef == "I.3");
        Assert.Contains("I.2", changes.Added);
        Assert.Equal(2, changes.CommentsMoved);
        var moved = await app.WithDbAsync(db => db.Comments.OrderBy(c => c.IdempotencyKey).Select(c => new { c.SectionRef, c.DraftVersionId }).ToListAsync(Ct));
        Assert.Equal(["I.3", "II"], moved.Select(m => m.SectionRef));
        Assert.All(moved, m => Assert.Equal(changes.VersionId, m.DraftVersionId));
    }
}
