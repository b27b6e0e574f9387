namespace DanY.Engine.Classification;

/// <summary>Softmax with a temperature fitted by minimum negative log-likelihood.</summary>
internal static class Calibration
{
    public static void Softmax(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        foreach (double s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            probabilities[c] = Math.Exp(scores[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < scores.Length; c++) probabilities[c] /= sum;
    }

    /// <summary>Mean −log p(y) of softmax(β·scores) over the rows.</summary>
    public static double NegativeLogLikelihood(double[] scores, int[] y, int classes, double beta)
    {
        double total = 0;
        for (int i = 0; i < y.Length; i++)
        {
            var row = scores.AsSpan(i * classes, classes);
            double max = double.NegativeInfinity;
            foreach (double s in row) max = Math.Max(max, beta * s);
            double sum = 0;
            foreach (double s in row) sum += Math.Exp(beta * s - max);
            total += Math.Log(sum) + max - beta * row[y[i]];
        }
        return y.Length == 0 ? 0 : total / y.Length;
    }

    /// <summary>
    /// The inverse temperature β that makes softmax(β·scores) best calibrated on held-out rows. The
    /// likelihood is convex in β, so a golden-section search over log β finds its minimum.
    /// </summary>
    public static double FitInverseTemperature(double[] scores, int[] y, int classes)
    {
        if (y.Length == 0) return 1;
        double lo = Math.Log(1e-3), hi = Math.Log(1e3);
        double phi = (Math.Sqrt(5) - 1) / 2;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
        double fa = NegativeLogLikelihood(scores, y, classes, Math.Exp(a));
        double fb = NegativeLogLikelihood(scores, y, classes, Math.Exp(b));
        for (int iteration = 0; iteration < 60; iteration++)
        {
            if (fa <= fb)
            {
                hi = b; b = a; fb = fa;
                a = hi - phi * (hi - lo);
                fa = NegativeLogLikelihood(scores, y, classes, Math.Exp(a));
            }
            else
            {
                lo = a; a = b; fa = fb;
                b = lo + phi * (hi - lo);
                fb = NegativeLogLikelihood(scores, y, classes, Math.Exp(b));
            }
        }
        return Math.Exp((lo + hi) / 2);
    }
}
