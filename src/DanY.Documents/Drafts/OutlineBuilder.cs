using System.Globalization;
using System.Text;

namespace DanY.Documents.Drafts;

/// <summary>
/// Turns a stream of headings and paragraphs into a <see cref="DraftOutline"/>. A heading carries a
/// depth key (its rank in the numbering hierarchy, or its heading level); it closes every open
/// section whose key is not smaller. References come from the numbering: the top level keeps Roman
/// numerals (parts), lower levels use arabic numbers and letters, unnumbered headings count their
/// position among siblings.
/// </summary>
internal sealed class OutlineBuilder
{
    private readonly List<Node> _roots = [];
    private readonly List<DraftParagraph> _preamble = [];
    private readonly List<string> _warnings = [];
    private readonly Stack<Node> _open = new();
    private readonly HashSet<string> _refs = new(StringComparer.Ordinal);
    private readonly UploadLimitsCounter _counter;

    public OutlineBuilder(int maxParagraphs) => _counter = new UploadLimitsCounter(maxParagraphs);

    public int SectionCount => _refs.Count;

    public void AddHeading(int depthKey, HeadingLabel? label, string title, string? explicitRef = null)
    {
        _counter.Tick();
        while (_open.Count > 0 && _open.Peek().DepthKey >= depthKey) _open.Pop();
        Node? parent = _open.Count > 0 ? _open.Peek() : null;
        List<Node> siblings = parent?.Children ?? _roots;

        string reference = explicitRef ?? ComposeRef(parent, label, siblings.Count + 1);
        if (!_refs.Add(reference))
        {
            string unique = reference;
            for (int i = 2; !_refs.Add(unique); i++) unique = reference + "-" + i.ToString(CultureInfo.InvariantCulture);
            _warnings.Add($"Số mục “{reference}” bị trùng; mục “{Shorten(title)}” được gán mã “{unique}”.");
            reference = unique;
        }
        var node = new Node(depthKey, reference, label, label?.Label ?? "", Clean(title), parent);
        siblings.Add(node);
        _open.Push(node);
    }

    public void AddParagraph(string text)
    {
        string clean = Clean(text);
        if (clean.Length == 0) return;
        _counter.Tick();
        if (_open.Count == 0)
        {
            int n = _preamble.Count + 1;
            _preamble.Add(new DraftParagraph("#p" + n.ToString(CultureInfo.InvariantCulture), "mo-dau-p" + n.ToString(CultureInfo.InvariantCulture), clean));
            return;
        }
        _open.Peek().Paragraphs.Add(clean);
    }

    /// <summary>Appends to the title of the most recent heading ("PHẦN THỨ NHẤT" followed by its title line).</summary>
    public bool TryCompleteEmptyHeading(string text)
    {
        if (_open.Count == 0) return false;
        Node top = _open.Peek();
        if (top.Title.Length != 0 || top.Paragraphs.Count != 0 || top.Children.Count != 0) return false;
        top.Title = Clean(text);
        return true;
    }

    public void Warn(string message) => _warnings.Add(message);

    public DraftOutline Build(string title) =>
        new(Clean(title), _preamble.ToArray(), _roots.Select(Freeze).ToArray(), _warnings.ToArray());

    public static string AnchorFor(string reference)
    {
        var sb = new StringBuilder("muc-");
        foreach (char c in reference)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (c is 'đ' or 'Đ') sb.Append("dd");
            else if (c is '.' or '-' or '~') sb.Append('-');
        }
        return sb.ToString();
    }

    internal static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string ComposeRef(Node? parent, HeadingLabel? label, int position)
    {
        string own;
        if (label is null)
        {
            own = parent is null ? HeadingNumbering.ToRoman(Math.Min(position, 3999)) : position.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            switch (label.Kind)
            {
                case NumberingKind.Part:
                case NumberingKind.Roman:
                    own = parent is null ? HeadingNumbering.ToRoman(label.Numbers[0]) : label.Numbers[0].ToString(CultureInfo.InvariantCulture);
                    break;
                case NumberingKind.Arabic:
                    IReadOnlyList<int> nums = label.Numbers;
                    int skip = 0;
                    // "2.1." under "2.": only the new component extends the parent's reference.
                    if (parent?.Label is { Kind: NumberingKind.Arabic } pl && pl.Numbers.Count < nums.Count
                        && pl.Numbers.SequenceEqual(nums.Take(pl.Numbers.Count)))
                    {
                        skip = pl.Numbers.Count;
                    }
                    own = string.Join('.', nums.Skip(skip).Select(n => n.ToString(CultureInfo.InvariantCulture)));
                    break;
                default:
                    own = label.Letter;
                    break;
            }
        }
        return parent is null ? own : parent.Ref + "." + own;
    }

    private static DraftSection Freeze(Node n)
    {
        string anchor = AnchorFor(n.Ref);
        var paragraphs = n.Paragraphs.Select((p, i) =>
        {
            string k = (i + 1).ToString(CultureInfo.InvariantCulture);
            return new DraftParagraph(n.Ref + "#p" + k, anchor + "-p" + k, p);
        }).ToArray();
        int depth = 1;
        for (Node? p = n.Parent; p is not null; p = p.Parent) depth++;
        return new DraftSection(n.Ref, anchor, n.LabelText, n.Title, depth, n.Parent?.Ref, paragraphs, n.Children.Select(Freeze).ToArray());
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private sealed class Node(int depthKey, string reference, HeadingLabel? label, string labelText, string title, Node? parent)
    {
        public int DepthKey { get; } = depthKey;
        public string Ref { get; } = reference;
        public HeadingLabel? Label { get; } = label;
        public string LabelText { get; } = labelText;
        public string Title { get; set; } = title;
        public Node? Parent { get; } = parent;
        public List<string> Paragraphs { get; } = [];
        public List<Node> Children { get; } = [];
    }

    private sealed class UploadLimitsCounter(int max)
    {
        private int _count;

        public void Tick()
        {
            if (++_count > max)
            {
                throw new Intake.DocumentRejectedException(Intake.RejectionReason.TooManyParagraphs,
                    $"Dự thảo có quá nhiều đoạn văn (tối đa {max}).",
                    $"The draft has too many paragraphs (limit {max}).");
            }
        }
    }
}
