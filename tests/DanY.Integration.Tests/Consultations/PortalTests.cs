using System.Net;
using DanY.Domain.Consultations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;

namespace DanY.Integration.Tests.Consultations;

public sealed class PortalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Identity_is_stored_apart_only_with_consent_and_can_be_withdrawn(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string action = $"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/comments";
        const string hostile = "<script>alert('x')</script><b>đậm</b> & \"trích dẫn\"";

        // Identity without consent is refused and nothing is stored.
        using var refused = await client.PostAsync(action, Form(("sectionRef", "I.1"), ("key", "a1"), ("stance", "agree"), ("text", hostile), ("name", "Nguyễn Văn A")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("chưa đánh dấu đồng ý", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));

        using var accepted = await client.PostAsync(action, Form(("sectionRef", "I.1"), ("key", "a2"), ("stance", "agree"), ("text", hostile),
            ("consent", "yes"), ("name", "Nguyễn Văn A"), ("contact", "0912 345 678"), ("locality", "Phường Kinh Bắc"), ("group", "Công nhân")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        string location = accepted.Headers.Location!.OriginalString;
        Assert.StartsWith("/p/receipt/", location, StringComparison.Ordinal);
        string receipt = location["/p/receipt/".Length..].Split('?')[0];

        var stored = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Receipt == receipt, Ct));
        Assert.Equal(hostile, stored.Text);
        Assert.Equal(CommentChannels.Portal, stored.Channel);
        var identity = await app.WithDbAsync(db => db.CommentIdentities.SingleAsync(i => i.CommentId == stored.Id, Ct));
        Assert.Equal("Nguyễn Văn A", identity.Name);
        Assert.Equal(CommentIdentity.CurrentConsentVersion, identity.ConsentVersion);
        Assert.True(identity.RetainUntil > DateTimeOffset.UtcNow);

        string page = await client.GetStringAsync(location, Ct);
        Assert.Contains(receipt, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn A", page, StringComparison.Ordinal);

        using var withdraw = await client.PostAsync($"/p/receipt/{receipt}/withdraw", Form(), Ct);
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        identity = await app.WithDbAsync(db => db.CommentIdentities.SingleAsync(i => i.CommentId == stored.Id, Ct));
        Assert.Null(identity.Name);
        Assert.Null(identity.Contact);
        Assert.NotNull(identity.WithdrawnAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Section_page_is_plain_html_and_honeypot_submissions_are_dropped(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string url = $"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/sections/I.1";
        string first = await client.GetStringAsync(url, Ct);
        string second = await client.GetStringAsync(url, Ct);
        Assert.Contains("Kinh tế tăng trưởng khá", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" checked", first.Split("id=\"consent\"")[1][..40], StringComparison.Ordinal);
        Assert.NotEqual(KeyOf(first), KeyOf(second));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/sections/ZZ", Ct)).StatusCode);

        using var bot = await client.PostAsync($"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/comments",
            Form(("sectionRef", "I.1"), ("key", "b1"), ("stance", "agree"), ("text", "spam"), ("website", "http://spam.example")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Closed_consultation_page_says_so_and_refuses_the_form(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync(new() { Open = false });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string page = await client.GetStringAsync($"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/sections/II", Ct);
        Assert.Contains("hiện không nhận góp ý", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"text\"", page, StringComparison.Ordinal);
        using var post = await client.PostAsync($"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/comments",
            Form(("sectionRef", "II"), ("key", "c1"), ("stance", "agree"), ("text", "muộn")), Ct);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_form_sent_again_with_a_changed_comment_is_not_stored_and_asks_to_send_again(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string action = $"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/comments";

        using var first = await client.PostAsync(action, Form(("sectionRef", "I.1"), ("key", "k-back"), ("stance", "agree"), ("text", "Góp ý lần đầu.")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        string location = first.Headers.Location!.OriginalString;
        // The same form resent unchanged (double click): the same receipt.
        using var resent = await client.PostAsync(action, Form(("sectionRef", "I.1"), ("key", "k-back"), ("stance", "agree"), ("text", "Góp ý lần đầu.")), Ct);
        Assert.Equal(location, resent.Headers.Location!.OriginalString);

        // Back, edit, send: the key of the page was used for another comment.
        using var changed = await client.PostAsync(action, Form(("sectionRef", "I.1"), ("key", "k-back"), ("stance", "agree"), ("text", "Góp ý đã sửa.")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        string html = await changed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Biểu mẫu này đã được gửi với một góp ý khác", html, StringComparison.Ordinal);
        Assert.DoesNotContain(location.Split('?')[0]["/p/receipt/".Length..], html, StringComparison.Ordinal);
        // The page comes back with the edited text and a new key, so sending it again stores it.
        Assert.Contains("Góp ý đã sửa.", html, StringComparison.Ordinal);
        Assert.NotEqual("k-back", KeyOf(html));
        using var again = await client.PostAsync(action, Form(("sectionRef", "I.1"), ("key", KeyOf(html)), ("stance", "agree"), ("text", "Góp ý đã sửa.")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["Góp ý lần đầu.", "Góp ý đã sửa."], await app.WithDbAsync(db => db.Comments.OrderBy(c => c.Id).Select(c => c.Text).ToListAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_mistake_of_the_form_is_reported_at_once_and_marked_invalid(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsync($"/p/{seeded.ConsultationId}/drafts/{seeded.DraftId}/comments",
            Form(("sectionRef", "I.1"), ("key", "m1"), ("text", "  "), ("name", "Trần Thị B")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(Ct);
        string errors = html[html.IndexOf("id=\"form-errors\"", StringComparison.Ordinal)..html.IndexOf("</ul></div>", StringComparison.Ordinal)];
        Assert.Contains("chưa đánh dấu đồng ý", errors, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn quan điểm", errors, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập nội dung góp ý", errors, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#text\">", errors, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"text\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("<textarea id=\"text\"[^>]*aria-describedby=\"text-help err-text\"", html);
        Assert.Matches("id=\"consent\"[^>]*aria-invalid=\"true\"", html);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "name=\"stance\"[^>]*aria-invalid=\"true\""));
        Assert.Contains("Trần Thị B", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));

        string notFound = await (await client.GetAsync("/p/receipt?code=ZZZ", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("mã “ZZZ”", notFound, StringComparison.Ordinal);
        Assert.DoesNotContain("„", notFound, StringComparison.Ordinal);
    }

    private static string KeyOf(string html)
    {
        const string marker = "name=\"key\" value=\"";
        int i = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[i..html.IndexOf('"', i)];
    }
}
