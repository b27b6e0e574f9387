namespace DanY.Engine.Synthesis;

/// <summary>
/// How much a folded syllable says about what a comment asks for, learned from the corpus itself:
/// rarity (idf) times how strongly it sticks to particular sections of the draft. Words spread over
/// every section like the comments themselves ("đề nghị", "tôi", greetings) weigh almost nothing.
/// </summary>
internal sealed class TermWeights
{
    private readonly Dictionary<ulong, int> _ids;

    private TermWeights(Dictionary<ulong, int> ids, float[] weights, int[] docFreq, int docs)
    {
        _ids = ids;
        Weights = weights;
        DocFreq = docFreq;
        Docs = docs;
    }

    public float[] Weights { get; }

    public int[] DocFreq { get; }

    public int Docs { get; }

    public int Count => Weights.Length;

    public int IdOf(ulong token) => _ids.TryGetValue(token, out int id) ? id : -1;

    public float Weight(int id) => id < 0 ? 0f : Weights[id];

    public static TermWeights Learn(AnalysedText[] texts, HashSet<ulong> formulas, int[] docSection, int sections)
    {
        var ids = new Dictionary<ulong, int>();
        var df = new List<int>();
        var bySection = new List<int[]>();
        var seen = new HashSet<int>();
        var sectionDocs = new double[sections];
        int docs = 0;
        for (int u = 0; u < texts.Length; u++)
        {
            var t = texts[u];
            seen.Clear();
            for (int c = 0; c < t.ClauseCount; c++)
            {
                if (formulas.Contains(t.ClauseKeys[c])) continue;
                foreach (ulong token in t.ClauseTokens(c))
                {
                    if (token == TextAnalysis.NumberToken) continue;
                    if (!ids.TryGetValue(token, out int id))
                    {
                        id = df.Count;
                        ids[token] = id;
                        df.Add(0);
                        bySection.Add(new int[sections]);
                    }
                    if (seen.Add(id))
                    {
                        df[id]++;
                        bySection[id][docSection[u]]++;
                    }
                }
            }
            if (seen.Count > 0)
            {
                docs++;
                sectionDocs[docSection[u]]++;
            }
        }
        var weights = new float[df.Count];
        double total = Math.Max(1, docs);
        var prior = new double[sections];
        double globalEntropy = 0;
        for (int s = 0; s < sections; s++)
        {
            prior[s] = sectionDocs[s] / total;
            if (prior[s] > 0) globalEntropy -= prior[s] * Math.Log(prior[s]);
        }
        const double Alpha = 8.0; // pseudo-counts of the corpus-wide section mix: rare words are not trusted to be specific
        for (int id = 0; id < weights.Length; id++)
        {
            double idf = Math.Log((total + 1) / (df[id] + 1.0));
            double specificity = 1.0;
            if (globalEntropy > 1e-9)
            {
                double n = df[id] + Alpha, h = 0;
                int[] counts = bySection[id];
                for (int s = 0; s < sections; s++)
                {
                    double q = (counts[s] + Alpha * prior[s]) / n;
                    if (q > 0) h -= q * Math.Log(q);
                }
                specificity = Math.Clamp(1.0 - h / globalEntropy, 0.0, 1.0);
            }
            weights[id] = (float)(idf * (0.05 + specificity));
        }
        return new TermWeights(ids, weights, df.ToArray(), docs);
    }
}
