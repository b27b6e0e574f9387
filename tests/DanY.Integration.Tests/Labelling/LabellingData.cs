using DanY.Domain.Consultations;
using DanY.Infrastructure.Consultations;
using DanY.Infrastructure.Data;
using DanY.Infrastructure.Seed;
using DanY.TestKit.Web;
using Microsoft.EntityFrameworkCore;

namespace DanY.Integration.Tests.Labelling;

/// <summary>Synthetic comments whose topic is plain from their words, added to the demo consultation.</summary>
internal static class LabellingData
{
    public static readonly string[] Topics = ["Kinh tế", "Giáo dục", "Y tế"];

    private static readonly string[][] Subjects =
    [
        ["doanh nghiệp nhỏ", "vốn đầu tư", "thu hút nhà đầu tư", "khu công nghiệp", "xuất khẩu nông sản", "thuế và phí", "tín dụng ưu đãi", "chợ truyền thống"],
        ["trường học", "giáo viên mầm non", "học sinh tiểu học", "sách giáo khoa", "học phí", "phòng học kiên cố", "dạy thêm học thêm", "thi tốt nghiệp"],
        ["bệnh viện tuyến huyện", "trạm y tế xã", "bác sĩ gia đình", "bảo hiểm y tế", "thuốc chữa bệnh", "khám chữa bệnh", "tiêm chủng cho trẻ", "y tá và điều dưỡng"],
    ];

    private static readonly string[][] Asks =
    [
        ["cần hỗ trợ mạnh hơn để tăng trưởng", "nên giảm thủ tục để sản xuất kinh doanh thuận lợi", "phải có chính sách phát triển kinh tế rõ ràng", "cần tạo việc làm và tăng thu nhập"],
        ["cần nâng cao chất lượng dạy và học", "nên đầu tư thêm cho giáo dục vùng khó khăn", "phải giảm áp lực thi cử cho các em", "cần đào tạo lại đội ngũ nhà giáo"],
        ["cần nâng cao chất lượng chăm sóc sức khỏe", "nên bổ sung thiết bị khám bệnh", "phải giảm quá tải cho người bệnh", "cần tăng lương cho nhân viên y tế"],
    ];

    private static readonly string[] Openings = ["Tôi đề nghị", "Theo tôi,", "Kính đề nghị Ban soạn thảo:", "Ý kiến của gia đình tôi:", "Nhân dân khu phố mong muốn"];

    public sealed record Example(long Id, string Topic);

    /// <summary>Adds <paramref name="perTopic"/> comments per topic, sent from <paramref name="unitCode"/>, through <paramref name="channel"/>.</summary>
    public static async Task<IReadOnlyList<Example>> AddTopicCommentsAsync(DanYDbContext db, string unitCode, int perTopic, string channel = CommentChannels.Portal, int seed = 7,
        CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        int consultationId = await OpenConsultationIdAsync(db, cancellationToken);
        var template = await db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).OrderBy(c => c.Id).FirstAsync(cancellationToken);
        int unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync(cancellationToken);
        var added = new List<(Comment Comment, string Topic)>();
        for (int i = 0; i < perTopic; i++)
        {
            for (int t = 0; t < Topics.Length; t++)
            {
                string text = $"{Openings[random.Next(Openings.Length)]} về {Subjects[t][random.Next(Subjects[t].Length)]} thì {Asks[t][random.Next(Asks[t].Length)]}, " +
                    $"nhất là {Subjects[t][random.Next(Subjects[t].Length)]} ở địa phương (ý kiến {seed}-{i}-{t}).";
                var comment = new Comment(Receipts.New(), $"label-test-{seed}-{i}-{t}", template.ConsultationId, template.DraftId, template.DraftVersionId, null,
                    Stance.Partly, text, channel, unitId, null, null, CommentSql.ContentHash(text), DateTimeOffset.UtcNow);
                db.Comments.Add(comment);
                added.Add((comment, Topics[t]));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return added.Select(a => new Example(a.Comment.Id, a.Topic)).ToList();
    }

    public static Task<int> OpenConsultationIdAsync(DanYDbContext db, CancellationToken cancellationToken = default) =>
        db.Consultations.Where(c => c.Title == ConsultationDemoSeeder.OpenTitle).Select(c => c.Id).SingleAsync(cancellationToken);

    public static Task<int> UnitIdAsync(DanYDbContext db, string code, CancellationToken cancellationToken = default) =>
        db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(cancellationToken);

    public static string WardA => DemoAccounts.WardA;
}
