using System.Globalization;
using DanY.Engine.Classification;

namespace DanY.Bench.Classify;

/// <summary>
/// Compact option strings for tuning runs: "default", "baseline", or ';'-separated settings over the
/// default, e.g. "w=2;f=1;c=2-5;cf=0;df=2;cb=1;cw=sqrt;m=nbsvm:0.3:all;m=lr:20:all;refit=0".
/// Members: kind (svm, nbsvm, lr) : C : blocks (all, w, c).
/// </summary>
internal static class Specs
{
    public static TextClassifierOptions Parse(string spec)
    {
        if (spec == "default") return TextClassifierOptions.Default;
        if (spec == "baseline") return TextClassifierOptions.Baseline;
        var inv = CultureInfo.InvariantCulture;
        var options = TextClassifierOptions.Default;
        var features = options.Features;
        var members = new List<EnsembleMember>();
        foreach (string part in spec.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = part.Split('=', 2);
            string key = kv[0], value = kv.Length > 1 ? kv[1] : "";
            switch (key)
            {
                case "base":
                    options = TextClassifierOptions.Baseline;
                    features = options.Features;
                    break;
                case "w": features = features with { WordNgramMax = int.Parse(value, inv) }; break;
                case "f": features = features with { FoldedWords = value == "1" }; break;
                case "c":
                    if (value == "0") features = features with { CharNgramMax = 0 };
                    else
                    {
                        var r = value.Split('-');
                        features = features with { CharNgramMin = int.Parse(r[0], inv), CharNgramMax = int.Parse(r[1], inv) };
                    }
                    break;
                case "cf": features = features with { CharOnFolded = value == "1" }; break;
                case "df": features = features with { MinDocumentFrequency = int.Parse(value, inv) }; break;
                case "cb": features = features with { CharBlockWeight = float.Parse(value, inv) }; break;
                case "tf": features = features with { SublinearTf = value == "1" }; break;
                case "cw":
                    options = options with
                    {
                        ClassWeighting = value switch { "bal" => ClassWeighting.Balanced, "sqrt" => ClassWeighting.SquareRootBalanced, _ => ClassWeighting.None },
                    };
                    break;
                case "refit": options = options with { RefitOnAllData = value == "1" }; break;
                case "cv": options = options with { CrossValidationBelow = int.Parse(value, inv) }; break;
                case "seed": options = options with { Seed = int.Parse(value, inv) }; break;
                case "m":
                    var p = value.Split(':');
                    members.Add(new EnsembleMember
                    {
                        Loss = p[0] == "lr" ? ClassifierLoss.Logistic : ClassifierLoss.SquaredHinge,
                        NaiveBayes = p[0] == "nbsvm",
                        C = double.Parse(p[1], inv),
                        Blocks = p.Length < 3 || p[2] == "all" ? FeatureBlocks.All : p[2] == "w" ? FeatureBlocks.Words : FeatureBlocks.Characters,
                        CharScale = p.Length < 4 ? 1f : float.Parse(p[3], inv),
                    });
                    break;
                default: throw new ArgumentException("unknown setting " + key);
            }
        }
        options = options with { Features = features };
        if (members.Count > 0) options = options with { Members = members, AlternativeMembers = [] };
        return options;
    }
}
