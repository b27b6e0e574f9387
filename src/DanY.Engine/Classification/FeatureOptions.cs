namespace DanY.Engine.Classification;

/// <summary>
/// Which hashed features a classifier sees. Features fall in two blocks, words (syllable n-grams and
/// their diacritic-folded forms) and characters (n-grams inside each token); each block is
/// TF-IDF weighted and L2-normalised on its own so that neither swamps the other.
/// </summary>
public sealed record FeatureOptions
{
    /// <summary>Syllable n-grams from 1 to this (0 = no word features).</summary>
    public int WordNgramMax { get; init; } = 2;

    /// <summary>Also emit syllable 1..2-grams with diacritics removed, so "ko co" meets "không có".</summary>
    public bool FoldedWords { get; init; } = true;

    /// <summary>Character n-grams inside a token padded with spaces; 0 for <see cref="CharNgramMax"/> disables.</summary>
    public int CharNgramMin { get; init; } = 2;

    /// <inheritdoc cref="CharNgramMin"/>
    public int CharNgramMax { get; init; } = 5;

    /// <summary>Take character n-grams from the diacritic-folded form instead of the full form.</summary>
    public bool CharOnFolded { get; init; }

    /// <summary>Features seen in fewer training documents are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 2;

    /// <summary>1 + ln(tf) instead of tf.</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>Scale of the character block after normalisation (the word block has scale 1).</summary>
    public float CharBlockWeight { get; init; } = 1f;

    internal void Validate()
    {
        if (WordNgramMax is < 0 or > 4) throw new ArgumentOutOfRangeException(nameof(WordNgramMax), WordNgramMax, "0..4");
        if (CharNgramMax is < 0 or > 8) throw new ArgumentOutOfRangeException(nameof(CharNgramMax), CharNgramMax, "0..8");
        if (CharNgramMax > 0 && (CharNgramMin < 1 || CharNgramMin > CharNgramMax))
            throw new ArgumentOutOfRangeException(nameof(CharNgramMin), CharNgramMin, "1..CharNgramMax");
        if (MinDocumentFrequency < 1) throw new ArgumentOutOfRangeException(nameof(MinDocumentFrequency), MinDocumentFrequency, ">= 1");
        if (!(CharBlockWeight > 0) || float.IsInfinity(CharBlockWeight))
            throw new ArgumentOutOfRangeException(nameof(CharBlockWeight), CharBlockWeight, "> 0");
        if (WordNgramMax == 0 && !FoldedWords && CharNgramMax == 0)
            throw new ArgumentException("At least one kind of feature must be enabled.");
    }
}
