using BenchmarkDotNet.Running;

namespace DanY.Bench;

internal static class Program
{
    // dotnet run -c Release --project bench/DanY.Bench -- --filter '*' [--job short]
    // Corpus: bench/out/c10k/comments.csv (gencorpus.py --n 10000 --seed 7), or DANY_BENCH_COMMENTS.
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
