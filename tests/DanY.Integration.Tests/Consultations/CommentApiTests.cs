using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanY.Domain.Consultations;
using DanY.Infrastructure.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using DanY.Infrastructure.Data;
using DanY.TestKit.Databases;
using DanY.TestKit.Web;

namespace DanY.Integration.Tests.Consultations;

/// <summary>The public HTTP contract of issue 4, on both providers.</summary>
public sealed class CommentApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Post(int consultationId, string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{consultationId}/comments") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Open_consultations_and_sections_are_listed(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        var closed = await app.SeedConsultationAsync(new() { Open = false });
        using var client = app.CreateClient();

        var open = await client.GetFromJsonAsync<JsonElement>("/api/consultations?status=open", Ct);
        var ids = open.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(seeded.ConsultationId, ids);
        Assert.DoesNotContain(closed.ConsultationId, ids);
        var first = open.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == seeded.ConsultationId);
        Assert.Equal(seeded.DraftId, first.GetProperty("drafts")[0].GetProperty("id").GetInt32());
        Assert.Equal("Dự thảo Báo cáo chính trị", first.GetProperty("drafts")[0].GetProperty("title").GetString());

        var sections = await client.GetFromJsonAsync<JsonElement>($"/api/drafts/{seeded.DraftId}/sections", Ct);
        Assert.Equal(["I", "I.1", "I.2", "II"], sections.EnumerateArray().Select(s => s.GetProperty("ref").GetString()));
        Assert.Equal("Kinh tế", sections[1].GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/drafts/99999/sections", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Retried_submission_returns_the_same_receipt_and_stores_one_comment(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient();
        var body = new { draftId = seeded.DraftId, sectionRef = "I.1", stance = "partly", text = "Đề nghị làm rõ chỉ tiêu tăng trưởng.", group = "Công nhân" };

        using var first = await client.SendAsync(Post(seeded.ConsultationId, "retry-1", body), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        string receipt = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString()!;
        using var second = await client.SendAsync(Post(seeded.ConsultationId, "retry-1", body), Ct);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(receipt, (await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString());

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/comments/{receipt}", Ct);
        Assert.Equal(receipt, found.GetProperty("receipt").GetString());
        Assert.Equal("received", found.GetProperty("status").GetString());
        Assert.Equal("I.1", found.GetProperty("sectionRef").GetString());
        Assert.Equal("partly", found.GetProperty("stance").GetString());
        Assert.Equal("Đề nghị làm rõ chỉ tiêu tăng trưởng.", found.GetProperty("text").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync(c => c.IdempotencyKey == "retry-1", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/comments/AAAAA-BBBBB", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Reused_key_with_a_different_comment_is_422_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        var other = await app.SeedConsultationAsync();
        using var client = app.CreateClient();
        var body = new { draftId = seeded.DraftId, sectionRef = "I.1", stance = "partly", text = "Đề nghị làm rõ chỉ tiêu tăng trưởng.", group = "Công nhân" };
        using var first = await client.SendAsync(Post(seeded.ConsultationId, "reuse-1", body), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        string receipt = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString()!;

        var changed = new (int Consultation, object Body, string What)[]
        {
            (seeded.ConsultationId, body with { text = "Một góp ý khác hẳn." }, "text"),
            (seeded.ConsultationId, body with { stance = "agree" }, "stance"),
            (seeded.ConsultationId, body with { sectionRef = "II" }, "section"),
            (seeded.ConsultationId, body with { group = "Nông dân" }, "group"),
        };
        foreach (var (consultation, changedBody, what) in changed)
        {
            using var response = await client.SendAsync(Post(consultation, "reuse-1", changedBody), Ct);
            Assert.True(HttpStatusCode.UnprocessableEntity == response.StatusCode, $"{what}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            string detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains("Khóa chống gửi trùng", detail, StringComparison.Ordinal);
            Assert.Contains("Idempotency-Key", detail, StringComparison.Ordinal);
            Assert.DoesNotContain(receipt, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A genuine retry still gets the first receipt.
        using var retry = await client.SendAsync(Post(seeded.ConsultationId, "reuse-1", body), Ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(receipt, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
        Assert.Equal("Đề nghị làm rõ chỉ tiêu tăng trưởng.", await app.WithDbAsync(db => db.Comments.Select(c => c.Text).SingleAsync(Ct)));

        // Keys are scoped per consultation: the same key on another consultation is a new comment, not a collision.
        using var elsewhere = await client.SendAsync(Post(other.ConsultationId, "reuse-1", body with { draftId = other.DraftId, text = "Một góp ý khác hẳn." }), Ct);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        string otherReceipt = (await elsewhere.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString()!;
        Assert.NotEqual(receipt, otherReceipt);
        using var elsewhereRetry = await client.SendAsync(Post(other.ConsultationId, "reuse-1", body with { draftId = other.DraftId, text = "Một góp ý khác hẳn." }), Ct);
        Assert.Equal(HttpStatusCode.OK, elsewhereRetry.StatusCode);
        Assert.Equal(otherReceipt, (await elsewhereRetry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Comments.CountAsync(c => c.IdempotencyKey == "reuse-1", Ct)));

        // Two different comments racing under one new key: they may share a group-commit batch or not; either way one is stored.
        var racing = await Task.WhenAll(
            client.SendAsync(Post(seeded.ConsultationId, "reuse-2", body with { text = "Ý kiến A" }), Ct),
            client.SendAsync(Post(seeded.ConsultationId, "reuse-2", body with { text = "Ý kiến B" }), Ct));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], racing.Select(r => r.StatusCode).Order());
        foreach (var r in racing) r.Dispose();
        Assert.Equal(1, await app.WithDbAsync(db => db.Comments.CountAsync(c => c.IdempotencyKey == "reuse-2", Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Unknown_status_filter_is_a_400_problem(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var open = await app.SeedConsultationAsync();
        var closed = await app.SeedConsultationAsync(new() { Open = false });
        using var client = app.CreateClient();

        using var bogus = await client.GetAsync("/api/consultations?status=bogus", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.Equal("application/problem+json", bogus.Content.Headers.ContentType?.MediaType);
        string detail = (await bogus.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
        Assert.Contains("Trạng thái phải là", detail, StringComparison.Ordinal);
        Assert.Contains("status must be", detail, StringComparison.Ordinal);

        var all = await client.GetFromJsonAsync<JsonElement>("/api/consultations", Ct);
        Assert.Equal([open.ConsultationId, closed.ConsultationId], all.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).Order());
        var onlyOpen = await client.GetFromJsonAsync<JsonElement>("/api/consultations?status=OPEN", Ct);
        Assert.Equal([open.ConsultationId], onlyOpen.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Closed_window_is_a_409_problem_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync(new() { Open = false });
        using var client = app.CreateClient();
        using var response = await client.SendAsync(Post(seeded.ConsultationId, "late-1",
            new { draftId = seeded.DraftId, sectionRef = (string?)null, stance = "agree", text = "Muộn rồi" }), Ct);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Retry_after_the_window_closed_gets_its_receipt_only_for_the_same_comment(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        var other = await app.SeedConsultationAsync();
        using var client = app.CreateClient();
        var body = new { draftId = seeded.DraftId, sectionRef = "I.2", stance = "disagree", text = "Cần thêm chỉ tiêu về y tế cơ sở.", group = (string?)null };
        using var first = await client.SendAsync(Post(seeded.ConsultationId, "late-retry", body), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        string receipt = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString()!;
        // The same key under another consultation, so that a look-up by key alone would find the wrong comment.
        using var elsewhere = await client.SendAsync(Post(other.ConsultationId, "late-retry", body with { draftId = other.DraftId }), Ct);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);

        await app.WithDbAsync(async db =>
        {
            var c = await db.Consultations.SingleAsync(x => x.Id == seeded.ConsultationId, Ct);
            c.Close();
            return await db.SaveChangesAsync(Ct);
        });
        app.Services.GetRequiredService<ConsultationCatalog>().InvalidateAll();

        using var retry = await client.SendAsync(Post(seeded.ConsultationId, "late-retry", body), Ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(receipt, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString());

        using var changed = await client.SendAsync(Post(seeded.ConsultationId, "late-retry", body with { text = "Một nội dung khác." }), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.DoesNotContain(receipt, await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var fresh = await client.SendAsync(Post(seeded.ConsultationId, "late-new", body), Ct);
        Assert.Equal(HttpStatusCode.Conflict, fresh.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Invalid_submissions_are_400_and_store_nothing(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient();
        int id = seeded.ConsultationId;
        var cases = new (string? Key, object Body, string Field)[]
        {
            ("k1", new { draftId = seeded.DraftId, sectionRef = "IX.9", stance = "agree", text = "x" }, "sectionRef"),
            ("k2", new { draftId = seeded.DraftId, sectionRef = "I", stance = "maybe", text = "x" }, "stance"),
            ("k3", new { draftId = seeded.DraftId, sectionRef = "I", stance = "agree", text = "   " }, "text"),
            ("k4", new { draftId = seeded.DraftId, sectionRef = "I", stance = "agree", text = new string('a', 5001) }, "text"),
            ("k5", new { draftId = 424242, sectionRef = "I", stance = "agree", text = "x" }, "draftId"),
            (null, new { draftId = seeded.DraftId, sectionRef = "I", stance = "agree", text = "x" }, "idempotencyKey"),
        };
        foreach (var (key, body, field) in cases)
        {
            using var response = await client.SendAsync(Post(id, key, body), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }
        using var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{id}/comments") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "k6");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(malformed, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Post(987654, "k7", new { draftId = 1, stance = "agree", text = "x" }), Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Concurrent_submissions_are_each_stored_once(DatabaseProvider provider)
    {
        await using var app = ConsultationFixtures.Create(provider);
        var seeded = await app.SeedConsultationAsync();
        using var client = app.CreateClient();
        // 300 requests over 200 keys: 100 keys are sent twice at the same time.
        var keys = Enumerable.Range(0, 300).Select(i => "c-" + (i % 200)).ToArray();
        var responses = await Task.WhenAll(keys.Select(async key =>
        {
            using var r = await client.SendAsync(Post(seeded.ConsultationId, key,
                new { draftId = seeded.DraftId, sectionRef = "II", stance = "agree", text = "Ý kiến " + key }), Ct);
            return (Key: key, Status: r.StatusCode, Receipt: (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetString()!);
        }));
        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Equal(200, responses.Count(r => r.Status == HttpStatusCode.Created));
        foreach (var group in responses.GroupBy(r => r.Key)) Assert.Single(group.Select(r => r.Receipt).Distinct());
        Assert.Equal(200, responses.Select(r => r.Receipt).Distinct().Count());
        var stored = await app.WithDbAsync(db => db.Comments.Select(c => new { c.Receipt, c.IdempotencyKey, c.ContentHash }).ToListAsync(Ct));
        Assert.Equal(200, stored.Count);
        Assert.All(stored, s => Assert.Equal(64, s.ContentHash.Length));
        Assert.Equal(responses.Select(r => r.Receipt).Distinct().Order(), stored.Select(s => s.Receipt).Order());
    }
}
