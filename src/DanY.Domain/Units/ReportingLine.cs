using DanY.Domain.Auditing;

namespace DanY.Domain.Units;

/// <summary>
/// "From reports to To (via Via) for Purpose": lines that cross the parallel systems, e.g. the
/// provincial MTTQ reports to the provincial Party committee via the mass-mobilisation board.
/// </summary>
public sealed class ReportingLine : IAuditable
{
    public const int PurposeMaxLength = 256;

    private ReportingLine()
    {
    }

    public ReportingLine(int fromUnitId, int toUnitId, int? viaUnitId, string purpose)
    {
        if (fromUnitId == toUnitId) throw new UnitValidationException("Đơn vị không thể báo cáo cho chính mình / A unit cannot report to itself.");
        FromUnitId = fromUnitId;
        ToUnitId = toUnitId;
        ViaUnitId = viaUnitId;
        Purpose = (purpose ?? "").Trim();
        if (Purpose.Length > PurposeMaxLength) throw new UnitValidationException("Nội dung quá dài / Purpose too long.");
    }

    public int Id { get; private set; }
    public int FromUnitId { get; private set; }
    public Unit? FromUnit { get; private set; }
    public int ToUnitId { get; private set; }
    public Unit? ToUnit { get; private set; }
    public int? ViaUnitId { get; private set; }
    public Unit? ViaUnit { get; private set; }
    public string Purpose { get; private set; } = "";
}
