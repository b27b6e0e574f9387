using System.Globalization;
using System.Net;
using System.Text;
using DanY.Domain.Accounts;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests.Consultations;

/// <summary>Conferences: recorded with their minutes, comments entered per section, minutes downloaded by those who may see them.</summary>
public sealed class ConferenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static async Task<HttpResponseMessage> NewConferenceAsync(HttpClient client, int consultationId, int hostUnitId, byte[] minutes, string minutesName)
    {
        string page = $"/admin/consultations/{consultationId}/conferences";
        string token = await DanYApp.AntiforgeryTokenAsync(client, page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Hội nghị cựu chiến binh góp ý dự thảo"), "Title" },
            { new StringContent(hostUnitId.ToString(CultureInfo.InvariantCulture)), "HostUnitId" },
            { new StringContent(nameof(ConferenceChair.FatherlandFront)), "Chair" },
            { new StringContent("Cựu chiến binh"), "InvitedGroup" },
            { new StringContent("12/11/2025"), "Date" },
            { new StringContent("Hội trường Ủy ban MTTQ tỉnh"), "Place" },
            { new StringContent("85"), "Attendance" },
            { new StringContent(CommentChannels.Conference), "Channel" },
            { new ByteArrayContent(minutes), "Minutes", minutesName },
        };
        return await client.PostAsync(page, form, Ct);
    }

    private static Task<HttpResponseMessage> EnterAsync(HttpClient client, int conferenceId, string target, string stance, string text, string key, string? group = null) =>
        Forms.PostAsync(client, $"/admin/conferences/{conferenceId}", $"/admin/conferences/{conferenceId}", new Dictionary<string, string>
        {
            ["Target"] = target, ["Stance"] = stance, ["Text"] = text, ["Key"] = key, ["Group"] = group ?? "",
        });

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Secretary_records_comments_per_section_and_the_minutes_can_be_downloaded(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var secretary = await app.LoginAsync(await app.CreateStaffAsync(seeded.ProvinceId), ConsultationFixtures.StaffPassword);

        using var created = await NewConferenceAsync(secretary, seeded.ConsultationId, seeded.ProvinceId, Pdf, "bien-ban-hoi-nghi.pdf");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        int conferenceId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var conference = await app.WithDbAsync(db => db.Conferences.SingleAsync(Ct));
        Assert.Equal(conferenceId, conference.Id);
        Assert.Equal(ConferenceChair.FatherlandFront, conference.Chair);
        Assert.Equal(new DateOnly(2025, 11, 12), conference.Date);
        Assert.Equal(85, conference.Attendance);
        Assert.Equal("bien-ban-hoi-nghi.pdf", conference.MinutesFileName);

        string d = seeded.DraftId.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(secretary, conferenceId, d + "|I.1", "agree", "Tán thành mục tiêu tăng trưởng.", "k1", "Cựu chiến binh")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(secretary, conferenceId, d + "|I.1", "partly", "Cần thêm chỉ tiêu về việc làm.", "k2")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(secretary, conferenceId, d + "|", "disagree", "Dự thảo còn dài.", "k3")).StatusCode);
        // The form sent twice (double Enter, or Back and resend) stores the comment once.
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(secretary, conferenceId, d + "|", "disagree", "Dự thảo còn dài.", "k3")).StatusCode);
        // An unknown section or an empty text is refused.
        using var bad = await EnterAsync(secretary, conferenceId, d + "|IX.9", "agree", "", "k4");
        string badHtml = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Chọn mục của dự thảo.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Nhập nội dung ý kiến.", badHtml, StringComparison.Ordinal);

        var comments = await app.WithDbAsync(db => db.Comments.OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal([("I.1", Stance.Agree), ("I.1", Stance.Partly), (null, Stance.Disagree)], comments.Select(c => (c.SectionRef, c.Stance)));
        Assert.All(comments, c =>
        {
            Assert.Equal(conferenceId, c.ConferenceId);
            Assert.Equal(CommentChannels.Conference, c.Channel);
            Assert.Equal(seeded.ProvinceId, c.UnitId);
        });
        Assert.Equal("Cựu chiến binh", comments[0].SocialGroup);

        using var download = await secretary.GetAsync($"/admin/conferences/{conferenceId}?handler=Minutes", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bien-ban-hoi-nghi.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("?handler=Minutes", await secretary.GetStringAsync($"/admin/consultations/{seeded.ConsultationId}/conferences", Ct), StringComparison.Ordinal);

        // Only people who may see the host unit get the minutes.
        var other = await app.SeedConsultationAsync();
        using var outsider = await app.LoginAsync(await app.CreateStaffAsync(other.ProvinceId, UnitRole.Viewer), ConsultationFixtures.StaffPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/conferences/{conferenceId}?handler=Minutes", Ct)).StatusCode);
        using var anonymous = app.Client();
        using var unsigned = await anonymous.GetAsync($"/admin/conferences/{conferenceId}?handler=Minutes", Ct);
        Assert.Equal(HttpStatusCode.Redirect, unsigned.StatusCode);
        Assert.Contains("/account/login", unsigned.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Malformed_minutes_are_refused_and_no_conference_is_stored(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var secretary = await app.LoginAsync(await app.CreateStaffAsync(seeded.ProvinceId), ConsultationFixtures.StaffPassword);

        using var notWord = await NewConferenceAsync(secretary, seeded.ConsultationId, seeded.ProvinceId, Encoding.UTF8.GetBytes("không phải biên bản"), "bien-ban.docx");
        Assert.Equal(HttpStatusCode.OK, notWord.StatusCode);
        Assert.Contains("Biên bản không hợp lệ", await notWord.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var tooLarge = await NewConferenceAsync(secretary, seeded.ConsultationId, seeded.ProvinceId, new byte[(20 * 1024 * 1024) + 1], "bien-ban.pdf");
        Assert.Contains("quá 20 MB", await tooLarge.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Conferences.CountAsync(Ct)));
        Assert.False(Directory.Exists(Path.Combine(app.Database.DataPath, "minutes")) && Directory.EnumerateFiles(Path.Combine(app.Database.DataPath, "minutes")).Any());
    }
}
