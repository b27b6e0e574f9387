namespace DanY.Engine.Synthesis;

public readonly record struct PairJudgement(bool Same, double Score);

/// <summary>Same-meaning decisions for bare sentence pairs; term weights are learned from the pairs' own sentences.</summary>
internal static class PairJudge
{
    public static IReadOnlyList<PairJudgement> Judge(IReadOnlyList<(string A, string B)> pairs, SynthesisOptions options)
    {
        var texts = new AnalysedText[pairs.Count * 2];
        for (int i = 0; i < pairs.Count; i++)
        {
            texts[2 * i] = TextAnalysis.Analyse(pairs[i].A);
            texts[2 * i + 1] = TextAnalysis.Analyse(pairs[i].B);
        }
        var weights = TermWeights.Learn(texts, [], new int[texts.Length], 1);
        var result = new PairJudgement[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var a = Grouping.Vectorise(Ids(texts[2 * i], weights), weights);
            var b = Grouping.Vectorise(Ids(texts[2 * i + 1], weights), weights);
            // The decision that joins two wordings into one opinion, with no section or writer evidence.
            double s = Grouping.PairScore(a, b, null, null, null, null, options);
            result[i] = new PairJudgement(s >= options.OpinionSimilarity, s);
        }
        return result;
    }

    private static int[] Ids(AnalysedText t, TermWeights weights) => t.Tokens.Select(weights.IdOf).Where(id => id >= 0).ToArray();
}
