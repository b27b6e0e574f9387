using System.Globalization;
using DanY.Engine.Synthesis;

namespace DanY.Engine.Tests.Synthesis;

/// <summary>A small hand-written consultation (own sentences) with known opinions, for engine tests.</summary>
internal static class TestCorpus
{
    public static readonly (string Key, string Section, string Group, string[] Wordings)[] Opinions =
    [
        ("pension", "I.1", "cán bộ hưu trí", ["Đề nghị tăng lương hưu cho người cao tuổi ở nông thôn", "Cần nâng mức lương hưu để người già ở nông thôn đủ sống", "Kiến nghị điều chỉnh lương hưu theo giá cả cho người cao tuổi"]),
        ("school", "I.2", "đồng bào dân tộc thiểu số", ["Cần đầu tư trường học nội trú vùng cao cho con em đồng bào", "Đề nghị xây thêm trường nội trú ở các xã vùng cao biên giới", "Kiến nghị tăng đầu tư trường nội trú cho học sinh vùng cao"]),
        ("graft", "II.1", "cựu chiến binh", ["Xử lý nghiêm cán bộ tham nhũng, thu hồi hết tài sản tham nhũng", "Kiên quyết chống tham nhũng, thu hồi tài sản bất minh của cán bộ", "Đề nghị xử lý nghiêm và thu hồi tài sản tham nhũng của cán bộ"]),
    ];

    private static readonly string[] Prefixes = ["Kính gửi Ban soạn thảo.", "Tôi nhất trí với dự thảo.", "Qua nghiên cứu dự thảo, tôi xin góp ý:", ""];
    private static readonly string[] Suffixes = ["Trân trọng cảm ơn!", "Chúc Đại hội thành công.", "", ""];
    private static readonly string[] Sections = ["I.1", "I.2", "II.1", "II.2", ""];
    private static readonly string[] Groups = ["công nhân", "nông dân", "trí thức", "thanh niên", "phụ nữ"];

    public static readonly DraftSection[] Draft =
    [
        new("I", null, "Đánh giá"), new("I.1", "I", "An sinh"), new("I.2", "I", "Giáo dục"),
        new("II", null, "Nhiệm vụ"), new("II.1", "II", "Phòng chống tham nhũng"), new("II.2", "II", "Khác"),
    ];

    /// <summary>Comments and, per comment, the key of its opinion ("" for noise).</summary>
    public static (List<CommentInput> Comments, List<string> Truth) Build(int perOpinion, int seed, int idOffset = 0)
    {
        var random = new Random(seed);
        var comments = new List<CommentInput>();
        var truth = new List<string>();
        var start = new DateTimeOffset(2025, 10, 15, 8, 0, 0, TimeSpan.FromHours(7));
        int id = idOffset;
        foreach (var (key, section, group, wordings) in Opinions)
        {
            for (int k = 0; k < perOpinion; k++)
            {
                string text = $"{Pick(random, Prefixes)} {Pick(random, wordings)}{(random.Next(3) == 0 ? " ở xã " + random.Next(100).ToString(CultureInfo.InvariantCulture) : "")}. {Pick(random, Suffixes)}".Trim();
                if (random.Next(10) == 0) text = text.ToLowerInvariant();
                // Most comments are filed under the opinion's section and by its usual writers.
                string filed = random.Next(10) < 8 ? section : Pick(random, Sections);
                string writer = random.Next(10) < 7 ? group : Pick(random, Groups);
                comments.Add(new CommentInput((++id).ToString(CultureInfo.InvariantCulture), filed, "X" + random.Next(1000).ToString("D5", CultureInfo.InvariantCulture),
                    "online", writer, null, start.AddMinutes(random.Next(40000)), text));
                truth.Add(key);
            }
        }
        // Noise with a link, and an empty one.
        comments.Add(new CommentInput((++id).ToString(CultureInfo.InvariantCulture), "", "X00001", "online", "thanh niên", null, start, "Vay tiền nhanh lãi thấp, xem tại https://vay-nhanh.example.vn/abc"));
        truth.Add("");
        comments.Add(new CommentInput((++id).ToString(CultureInfo.InvariantCulture), "I.1", "X00002", "online", "thanh niên", null, start, "ok"));
        truth.Add("");
        return (comments, truth);
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
