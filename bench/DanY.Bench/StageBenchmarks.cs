using BenchmarkDotNet.Attributes;
using DanY.Engine.Synthesis;
using DanY.Engine.Text;

namespace DanY.Bench;

/// <summary>Per-stage costs on the 10k corpus (per whole corpus, not per comment).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StageBenchmarks
{
    private string[] _texts = [];
    private AnalysedText[] _analysed = [];
    private List<CommentInput> _comments = [];

    [GlobalSetup]
    public void Setup()
    {
        _comments = BenchCorpus.Comments;
        _texts = _comments.Select(c => c.Text).ToArray();
        _analysed = _texts.Select(TextAnalysis.Analyse).ToArray();
    }

    [Benchmark]
    public int Normalize() => _texts.Sum(t => VietnameseText.Normalize(t).Length);

    [Benchmark]
    public int Fold() => _texts.Sum(t => VietnameseText.Fold(t).Length);

    [Benchmark]
    public ulong ExactKeyHash()
    {
        ulong x = 0;
        foreach (string t in _texts) x ^= VietnameseText.ExactKeyHash(t).Item1;
        return x;
    }

    [Benchmark]
    public int Tokenize() => _texts.Sum(t => VietnameseTokenizer.Tokenize(t).Count);

    [Benchmark]
    public int Analyse() => _texts.Sum(t => TextAnalysis.Analyse(t).Tokens.Length);

    [Benchmark]
    public int MinHashSignatures() => _analysed.Sum(a => (int)(NearDuplicates.Signature(a.Tokens)[0] & 1));

    [Benchmark]
    public int SynthesiseEndToEnd() => new SynthesisEngine(SynthesisOptions.Default with { MaxDegreeOfParallelism = 1 }).Run(_comments).Document.Sections.Count;
}
