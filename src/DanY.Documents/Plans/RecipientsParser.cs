using System.Text.RegularExpressions;
using DanY.Domain.Plans;

namespace DanY.Documents.Plans;

/// <summary>
/// Reads the "Nơi nhận:" block: the dash-led entries, with the purpose column of the table layout ("để báo
/// cáo", "để thực hiện") carried down to the rows below it. The archive copy ("Lưu ...") and "Như trên" are
/// not recipients. The signature beside or below the block is ignored.
/// </summary>
public static class RecipientsParser
{
    private static readonly Regex Entry = new(@"^\s*[-+•–]\s*(?<name>.+)$", RegexOptions.CultureInvariant);
    private static readonly Regex Purpose = VnText.Rx(@"^\(?\s*(?<p>để\s+[^)]+?)\s*\)?\s*[,;.]?$");
    private static readonly Regex InlinePurpose = VnText.Rx(@"\s*\(\s*(?<p>để\s+[^)]+)\)\s*$");
    private static readonly Regex Skip = VnText.Rx(@"^(?:lưu(?![\p{L}])|như trên|nơi nhận)");

    public static IReadOnlyList<PlanRecipient> Read(IReadOnlyList<SourceLine> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var recipients = new List<PlanRecipient>();
        string? purpose = null;
        foreach (SourceLine line in block)
        {
            IReadOnlyList<string> cells = line.Cells ?? [line.Text];
            string? rowPurpose = cells.Skip(1)
                .Select(c => c.Replace('\n', ' ').Trim())
                .Select(c => Purpose.Match(VnText.Key(c)) is { Success: true } m ? c.Substring(m.Groups["p"].Index, m.Groups["p"].Length) : null)
                .FirstOrDefault(p => p is not null);
            if (rowPurpose is not null) purpose = rowPurpose;
            foreach (string part in cells[0].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string text = part;
                int colon = VnText.Key(text).IndexOf("nơi nhân:", StringComparison.Ordinal);
                if (colon >= 0) text = text[(colon + "nơi nhân:".Length)..].Trim();
                Match entry = Entry.Match(text);
                if (!entry.Success) continue;
                string name = entry.Groups["name"].Value.Trim().TrimEnd(',', ';', '.', ' ');
                string? own = null;
                if (InlinePurpose.Match(VnText.Key(name)) is { Success: true } inline)
                {
                    own = name.Substring(inline.Groups["p"].Index, inline.Groups["p"].Length).Trim();
                    name = name[..inline.Index];
                }
                name = name.Trim().TrimEnd(',', ';', '.', ' ').Trim();
                if (name.Length == 0 || Skip.IsMatch(VnText.Key(name))) continue;
                recipients.Add(new PlanRecipient(name, own ?? purpose));
            }
        }
        return recipients;
    }
}
