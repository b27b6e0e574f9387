using System.Diagnostics;
using System.Globalization;
using DanY.Bench.Classify;
using DanY.Engine.Classification;

// Evaluation and speed runner for DanY's text classifiers.
//   dotnet run -c Release --project bench/classify -- eval [--corpus a,b] [--spec SPEC]... [--data DIR]
//   dotnet run -c Release --project bench/classify -- speed [--n 10000] [--data DIR]
// A SPEC is "default", "baseline" or a ';'-separated list (see Specs.Parse).
var arguments = args.ToList();
string mode = arguments.Count > 0 ? arguments[0] : "eval";
string? dataRoot = Option("--data");
string root = Corpora.FindDataRoot(dataRoot);
if (!Directory.Exists(root))
{
    Console.Error.WriteLine($"Corpora not found at {root}: pass --data DIR (the shared data folder).");
    return 1;
}
var corpora = (Option("--corpus") ?? string.Join(',', Corpora.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries);
var specs = Options("--spec");
if (specs.Count == 0) specs = ["baseline", "default"];
var inv = CultureInfo.InvariantCulture;

if (mode == "eval")
{
    Console.WriteLine("corpus\tspec\tdev_acc\tdev_macroF1\tdev_weightedF1\tdev_posF1\ttrain_s\theldout_acc\tdev_ECE\tchosen");
    foreach (string corpus in corpora)
    {
        var task = Corpora.Load(root, corpus);
        foreach (string spec in specs)
        {
            var options = Specs.Parse(spec);
            var clock = Stopwatch.StartNew();
            var model = TextClassifierTrainer.Train(task.TrainText, task.TrainLabel, options);
            double seconds = clock.Elapsed.TotalSeconds;
            var predictions = model.PredictMany(task.DevText);
            var predicted = predictions.Select(p => p.Label).ToArray();
            var m = ClassificationMetrics.Compute(task.DevLabel, predicted);
            // Expected calibration error over 10 confidence bins.
            double ece = 0;
            foreach (var bin in predictions.Select((p, i) => (p, ok: p.Label == task.DevLabel[i])).GroupBy(x => Math.Min(9, (int)(x.p.Confidence * 10))))
            {
                ece += Math.Abs(bin.Average(x => x.p.Confidence) - bin.Average(x => x.ok ? 1.0 : 0.0)) * bin.Count() / predictions.Length;
            }
            string pos = task.PositiveLabel is null ? "-" : (100 * m.PerLabel.First(l => l.Label == task.PositiveLabel).F1).ToString("F2", inv);
            Console.WriteLine(string.Create(inv,
                $"{corpus}\t{spec}\t{100 * m.Accuracy:F2}\t{100 * m.MacroF1:F2}\t{100 * m.WeightedF1:F2}\t{pos}\t{seconds:F1}\t{100 * model.Info.HeldOutAccuracy:F2}\t{100 * ece:F1}\t{model.Info.SelectedCandidate}"));
        }
    }
    return 0;
}

if (mode == "speed")
{
    // Training time on N examples (repeating the corpus if needed) and single-thread prediction rate.
    int n = int.Parse(Option("--n") ?? "10000", inv);
    var task = Corpora.Load(root, corpora[0]);
    var texts = Enumerable.Range(0, n).Select(i => task.TrainText[i % task.TrainText.Length]).ToArray();
    var labels = Enumerable.Range(0, n).Select(i => task.TrainLabel[i % task.TrainLabel.Length]).ToArray();
    foreach (string spec in specs)
    {
        var options = Specs.Parse(spec);
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var model = TextClassifierTrainer.Train(texts, labels, options);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        double trainCpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
        var dev = task.DevText;
        foreach (string t in dev.Take(200)) model.Predict(t); // warm-up
        // Wall clock and CPU time of one thread: the machine is shared, so CPU time is what "per core" means.
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        clock.Restart();
        int predicted = 0;
        while (clock.Elapsed.TotalSeconds < 5)
        {
            foreach (string t in dev) model.Predict(t);
            predicted += dev.Length;
        }
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        double meanChars = dev.Average(t => t.Length);
        Console.WriteLine(string.Create(inv,
            $"{task.Name}\t{spec}\ttrain {n} examples: {trainSeconds:F1} s wall, {trainCpu:F1} s CPU\tpredict 1 thread: {predicted / wall:F0} texts/s wall, {predicted / cpu:F0} texts per CPU-second (mean {meanChars:F0} chars)\tfeatures {model.FeatureCount}"));
    }
    return 0;
}

Console.Error.WriteLine("usage: eval|speed [--corpus a,b] [--spec SPEC]... [--n N] [--data DIR]");
return 1;

string? Option(string name)
{
    int i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
}

List<string> Options(string name)
{
    var result = new List<string>();
    for (int i = 0; i + 1 < arguments.Count; i++)
    {
        if (arguments[i] == name) result.Add(arguments[i + 1]);
    }
    return result;
}
