using DanY.Domain.Auditing;

namespace DanY.Domain.Consultations;

/// <summary>Who chairs a conference.</summary>
public enum ConferenceChair
{
    /// <summary>Ban Thường vụ.</summary>
    StandingCommittee,

    /// <summary>Ủy ban MTTQ.</summary>
    FatherlandFront,

    /// <summary>Đại hội đảng bộ, chi bộ cơ sở (recorded the same way).</summary>
    GrassrootsCongress,

    /// <summary>Another organisation (union, association).</summary>
    Other,
}

/// <summary>A conference (hội nghị) held to take comments; the comments said there are entered per section by a secretary.</summary>
public sealed class Conference : IAuditable
{
    public const int TextMaxLength = 400;

    private Conference()
    {
    }

    public Conference(int consultationId, int hostUnitId, ConferenceChair chair, string title, string invitedGroup, DateOnly date, string place, int attendance, string channel)
    {
        ConsultationId = consultationId;
        HostUnitId = hostUnitId;
        Chair = chair;
        Update(title, invitedGroup, date, place, attendance);
        Channel = channel;
    }

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public int HostUnitId { get; private set; }
    public ConferenceChair Chair { get; private set; }
    public string Title { get; private set; } = "";
    public string InvitedGroup { get; private set; } = "";
    public DateOnly Date { get; private set; }
    public string Place { get; private set; } = "";
    public int Attendance { get; private set; }

    /// <summary>conference, congress or written (letters are recorded the same way).</summary>
    public string Channel { get; private set; } = CommentChannels.Conference;

    public string? MinutesFileName { get; private set; }

    /// <summary>Where the minutes file is kept under the data folder.</summary>
    public string? MinutesPath { get; private set; }

    public void Update(string title, string invitedGroup, DateOnly date, string place, int attendance)
    {
        if (attendance < 0 || attendance > 1_000_000)
            throw new ConsultationRuleException("Số người dự không hợp lệ / attendance is not valid.");
        Title = Clip(title, "Tên hội nghị / title");
        InvitedGroup = Clip(invitedGroup, "Thành phần / invited group");
        Place = Clip(place, "Địa điểm / place");
        Date = date;
        Attendance = attendance;
    }

    public void AttachMinutes(string fileName, string path)
    {
        MinutesFileName = fileName.Length > 200 ? fileName[..200] : fileName;
        MinutesPath = path;
    }

    public static string ChairLabel(ConferenceChair chair) => chair switch
    {
        ConferenceChair.StandingCommittee => "Ban Thường vụ chủ trì",
        ConferenceChair.FatherlandFront => "Ủy ban MTTQ chủ trì",
        ConferenceChair.GrassrootsCongress => "Đại hội đảng bộ, chi bộ cơ sở",
        _ => "Tổ chức khác chủ trì",
    };

    private static string Clip(string value, string what)
    {
        value = (value ?? "").Trim();
        if (value.Length == 0) throw new ConsultationRuleException($"{what}: bắt buộc / required.");
        return value.Length > TextMaxLength ? value[..TextMaxLength] : value;
    }
}
