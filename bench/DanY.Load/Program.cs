using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

// Posts comments to DanY's public API from many concurrent clients for a fixed time, and prints
// throughput and latency percentiles. Each acknowledged receipt is appended (and flushed) to
// --receipts, which bench/crash-test checks after killing the server.
//
//   dotnet run -c Release --project bench/DanY.Load -- --url http://127.0.0.1:5080 --clients 64 --seconds 60
//   ... --mode section   (GET a draft section page instead)
var options = Options.Parse(args);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Clients,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    AutomaticDecompression = DecompressionMethods.None,
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };

var target = await Target.DiscoverAsync(http, options);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"target: consultation {target.ConsultationId}, draft {target.DraftId}, {target.SectionRefs.Length} sections; {options.Clients} clients, {options.Seconds} s, mode {options.Mode}"));

using var receipts = options.ReceiptsPath is null ? null : new StreamWriter(options.ReceiptsPath, append: true);
var receiptLock = new object();
var latencies = new List<double>[options.Clients];
long ok = 0, errors = 0;
var stopwatch = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(options.Seconds);
string runId = Guid.NewGuid().ToString("N")[..8];

var tasks = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
{
    var mine = latencies[client] = new List<double>(1 << 16);
    var random = new Random(client);
    long n = 0;
    while (stopwatch.Elapsed < deadline)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            if (options.Mode == "section")
            {
                using var response = await http.GetAsync(target.SectionPageUrl(random));
                response.EnsureSuccessStatusCode();
                await response.Content.CopyToAsync(Stream.Null);
            }
            else
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"{runId}-{client}-{n++}");
                using var request = new HttpRequestMessage(HttpMethod.Post, $"api/consultations/{target.ConsultationId}/comments")
                {
                    Content = JsonContent.Create(new
                    {
                        draftId = target.DraftId,
                        sectionRef = target.SectionRefs[random.Next(target.SectionRefs.Length)],
                        stance = Target.Stances[random.Next(3)],
                        text = Target.Texts[random.Next(Target.Texts.Length)] + " (" + key + ")",
                    }),
                };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Created) throw new HttpRequestException(response.StatusCode.ToString());
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                string receipt = body.GetProperty("receipt").GetString()!;
                if (receipts is not null)
                {
                    lock (receiptLock)
                    {
                        receipts.WriteLine(receipt + "\t" + key);
                        receipts.Flush();
                    }
                }
            }
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref ok);
        }
        catch (Exception) when (stopwatch.Elapsed < deadline + TimeSpan.FromSeconds(5))
        {
            Interlocked.Increment(ref errors);
            if (options.StopOnError) return;
            await Task.Delay(50);
        }
    }
})).ToArray();

var progress = Task.Run(async () =>
{
    while (!Task.WhenAll(tasks).IsCompleted)
    {
        await Task.Delay(5000);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {stopwatch.Elapsed.TotalSeconds,5:F0} s  ok {Interlocked.Read(ref ok),9}  errors {Interlocked.Read(ref errors)}"));
    }
});
await Task.WhenAll(tasks);
double seconds = stopwatch.Elapsed.TotalSeconds;
var all = latencies.SelectMany(l => l ?? []).Order().ToArray();
double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={options.Mode} clients={options.Clients} seconds={seconds:F1} ok={ok} errors={errors} rate={ok / seconds:F0}/s p50={P(0.50):F1}ms p90={P(0.90):F1}ms p99={P(0.99):F1}ms max={(all.Length == 0 ? 0 : all[^1]):F1}ms"));
return errors > 0 && options.StopOnError ? 1 : 0;

internal sealed record Options(string Url, int Clients, int Seconds, string Mode, string? ReceiptsPath, bool StopOnError, string? ConsultationId)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(
            Get("--url", "http://127.0.0.1:5080").TrimEnd('/') + "/",
            int.Parse(Get("--clients", "64"), CultureInfo.InvariantCulture),
            int.Parse(Get("--seconds", "60"), CultureInfo.InvariantCulture),
            Get("--mode", "comments"),
            args.Contains("--receipts") ? Get("--receipts", "") : null,
            args.Contains("--stop-on-error"),
            args.Contains("--consultation") ? Get("--consultation", "") : null);
    }
}

internal sealed record Target(string ConsultationId, string DraftId, string[] SectionRefs)
{
    public static readonly string[] Stances = ["agree", "disagree", "partly"];

    // Ordinary comment lengths; the key appended to each makes every text distinct.
    public static readonly string[] Texts =
    [
        "Đề nghị bổ sung giải pháp nâng cao đời sống người lao động ở khu công nghiệp.",
        "Tôi cơ bản nhất trí với dự thảo, đề nghị làm rõ hơn chỉ tiêu tăng trưởng giai đoạn 2026-2030.",
        "Cần quan tâm hơn nữa đến đồng bào dân tộc thiểu số vùng sâu, vùng xa, nhất là về y tế và giáo dục.",
        "Đề nghị có cơ chế bảo vệ cán bộ dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.",
    ];

    public string SectionPageUrl(Random random) =>
        $"p/{ConsultationId}/drafts/{DraftId}/sections/{Uri.EscapeDataString(SectionRefs[random.Next(SectionRefs.Length)])}";

    public static async Task<Target> DiscoverAsync(HttpClient http, Options options)
    {
        var open = await http.GetFromJsonAsync<JsonElement>("api/consultations?status=open");
        foreach (var consultation in open.EnumerateArray())
        {
            string id = consultation.GetProperty("id").ToString();
            if (options.ConsultationId is not null && id != options.ConsultationId) continue;
            foreach (var draft in consultation.GetProperty("drafts").EnumerateArray())
            {
                string draftId = draft.GetProperty("id").ToString();
                var sections = await http.GetFromJsonAsync<JsonElement>($"api/drafts/{draftId}/sections");
                string[] refs = sections.EnumerateArray().Select(s => s.GetProperty("ref").GetString()!).ToArray();
                if (refs.Length > 0) return new Target(id, draftId, refs);
            }
        }
        throw new InvalidOperationException("no open consultation with a draft that has sections");
    }
}
