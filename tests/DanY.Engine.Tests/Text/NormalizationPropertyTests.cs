using System.Text;
using DanY.Engine.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace DanY.Engine.Tests.Text;

/// <summary>Random input: normalisation must be total, idempotent and independent of the Unicode form.</summary>
public sealed class NormalizationPropertyTests
{
    // Vietnamese letters, marks, digits, punctuation, emoji halves and odd code points, so that generated
    // strings look like hostile real input rather than plain ASCII.
    private const string Alphabet = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐðbcdghklmnpqrstvx0123456789 \t\n.,;:!?\"'()-–/%@#\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B\u00A0\uFEFFàáảãạèéẻẽẹòóỏõọùúủũụìíỉĩịỳýỷỹỵ";

    private static Arbitrary<string> VietnameseLike() =>
        Gen.Choose(0, 60)
            .SelectMany(len => Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), len))
            .Select(chars => new string(chars))
            .ToArbitrary();

    private static Property ForAll(Func<string, bool> property) => Prop.ForAll(VietnameseLike(), property);

    [Property(MaxTest = 500)]
    public Property Normalize_is_idempotent() => ForAll(s =>
        string.Equals(VietnameseText.Normalize(VietnameseText.Normalize(s)), VietnameseText.Normalize(s), StringComparison.Ordinal));

    [Property(MaxTest = 500)]
    public Property Normalize_ignores_the_unicode_form() => ForAll(s =>
        string.Equals(VietnameseText.Normalize(s.Normalize(NormalizationForm.FormD)), VietnameseText.Normalize(s.Normalize(NormalizationForm.FormC)), StringComparison.Ordinal));

    [Property(MaxTest = 500)]
    public Property Normalize_output_is_nfc() => ForAll(s => VietnameseText.Normalize(s).IsNormalized(NormalizationForm.FormC));

    [Property(MaxTest = 500)]
    public Property Fold_is_stable_under_normalisation() => ForAll(s =>
        string.Equals(VietnameseText.Fold(VietnameseText.Normalize(s)), VietnameseText.Fold(s), StringComparison.Ordinal)
        && string.Equals(VietnameseText.Fold(VietnameseText.Fold(s)), VietnameseText.Fold(s), StringComparison.Ordinal));

    [Property(MaxTest = 500)]
    public Property Fold_leaves_no_vietnamese_diacritics() => ForAll(s =>
        VietnameseText.Fold(s).All(c => c is not (>= '\u0300' and <= '\u036F') && c != 'đ' && c != 'Đ' && !char.IsUpper(c)));

    [Property(MaxTest = 500)]
    public Property Exact_key_ignores_form_case_and_spacing() => ForAll(s =>
        string.Equals(VietnameseText.ExactKey(s.Normalize(NormalizationForm.FormD).ToUpperInvariant()), VietnameseText.ExactKey(s.Normalize(NormalizationForm.FormC).ToUpperInvariant() + "  "), StringComparison.Ordinal));

    [Property(MaxTest = 500)]
    public Property Exact_key_hash_agrees_with_exact_key() => Prop.ForAll(VietnameseLike(), VietnameseLike(), (a, b) =>
        string.Equals(VietnameseText.ExactKey(a), VietnameseText.ExactKey(b), StringComparison.Ordinal)
            == (VietnameseText.ExactKeyHash(a) == VietnameseText.ExactKeyHash(b)));

    [Property(MaxTest = 500)]
    public Property Tokens_cover_every_non_space_character_once() => ForAll(s =>
    {
        var tokens = VietnameseTokenizer.Tokenize(s);
        int pos = 0;
        foreach (var t in tokens)
        {
            if (t.Start < pos || t.Length <= 0) return false;
            for (int k = pos; k < t.Start; k++)
            {
                if (!char.IsWhiteSpace(s[k])) return false;
            }
            pos = t.Start + t.Length;
        }
        for (int k = pos; k < s.Length; k++)
        {
            if (!char.IsWhiteSpace(s[k])) return false;
        }
        return true;
    });

    [Theory]
    [InlineData("xem tại https://abc.vn/x?y=1 nhé", TokenKind.Url)]
    [InlineData("liên hệ 0912 345 678 ngay", TokenKind.Phone)]
    [InlineData("gửi mail a.b@gmail.com", TokenKind.Email)]
    [InlineData("hay quá :))", TokenKind.Emoticon)]
    [InlineData("tuyệt vời 👍", TokenKind.Emoticon)]
    [InlineData("tăng 7,5% năm 2026", TokenKind.Number)]
    [InlineData("mua ngay tại shopabc.com giá rẻ", TokenKind.Url)]
    [InlineData("xem mp3.zing.vn/abc", TokenKind.Url)]
    public void Special_tokens_are_recognised(string text, TokenKind kind)
    {
        Assert.Contains(VietnameseTokenizer.Tokenize(text), t => t.Kind == kind);
    }

    [Theory]
    [InlineData("chống ngập úng ở hà nội, tp.hcm!")]
    [InlineData("các chính sách, v.v. cần rõ")]
    public void Abbreviations_with_dots_are_not_links(string text)
    {
        Assert.DoesNotContain(VietnameseTokenizer.Tokenize(text), t => t.Kind == TokenKind.Url);
    }
}
