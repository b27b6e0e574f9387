namespace DanY.Engine.Classification;

/// <summary>Weights of a linear multi-class scorer: score_k = bias_k + Σ_j x_j W[j·K + k].</summary>
internal sealed record LinearScorer(int Classes, float[] Weights, float[] Bias)
{
    public void Score(ReadOnlySpan<int> index, ReadOnlySpan<float> value, Span<double> scores)
    {
        int k = Classes;
        for (int c = 0; c < k; c++) scores[c] = Bias[c];
        for (int p = 0; p < index.Length; p++)
        {
            float x = value[p];
            int off = index[p] * k;
            for (int c = 0; c < k; c++) scores[c] += x * Weights[off + c];
        }
    }

    public double[] ScoreRows(SparseMatrix x)
    {
        var scores = new double[x.Rows * Classes];
        for (int i = 0; i < x.Rows; i++)
        {
            int from = x.RowStart[i], len = x.RowStart[i + 1] - from;
            Score(x.Index.AsSpan(from, len), x.Value.AsSpan(from, len), scores.AsSpan(i * Classes, Classes));
        }
        return scores;
    }
}

/// <summary>Deterministic trainers for linear models over sparse rows.</summary>
internal static class LinearSolvers
{
    /// <summary>
    /// One-vs-rest L2-regularised squared-hinge SVMs, solved in the dual by coordinate descent with a
    /// seeded order. With <paramref name="naiveBayes"/>, each class sees its features scaled by their
    /// naive-Bayes log-count ratio (NB-SVM), and the ratios are folded into the returned weights.
    /// </summary>
    public static LinearScorer SquaredHingeOneVsRest(SparseMatrix x, int[] y, int classes, double[] sampleWeight,
        double c, bool naiveBayes, int seed, int maxEpochs = 300, double epsilon = 0.05)
    {
        int d = x.Columns;
        var weights = new float[d * classes];
        var bias = new float[classes];
        float[]? counts = naiveBayes ? BinaryCounts(x, y, classes) : null;
        var classTotal = new int[classes];
        foreach (int label in y) classTotal[label]++;

        Parallel.For(0, classes, k =>
        {
            var scale = new float[d];
            if (counts is null)
            {
                Array.Fill(scale, 1f);
            }
            else
            {
                ComputeLogCountRatio(counts, classes, k, scale);
            }
            var w = new double[d];
            double b = 0;
            int n = x.Rows;
            var alpha = new double[n];
            var diag = new double[n];
            var qd = new double[n];
            var sign = new sbyte[n];
            for (int i = 0; i < n; i++)
            {
                sign[i] = (sbyte)(y[i] == k ? 1 : -1);
                diag[i] = 0.5 / (c * sampleWeight[i]);
                double sq = 1; // the bias feature
                for (int p = x.RowStart[i]; p < x.RowStart[i + 1]; p++)
                {
                    double v = x.Value[p] * scale[x.Index[p]];
                    sq += v * v;
                }
                qd[i] = sq + diag[i];
            }
            var order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
            var random = new Random(unchecked(seed * 7919 + k));
            for (int epoch = 0; epoch < maxEpochs; epoch++)
            {
                for (int i = n - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (order[i], order[j]) = (order[j], order[i]);
                }
                double maxPg = double.NegativeInfinity, minPg = double.PositiveInfinity;
                foreach (int i in order)
                {
                    int from = x.RowStart[i], to = x.RowStart[i + 1];
                    double dot = b;
                    for (int p = from; p < to; p++)
                    {
                        int j = x.Index[p];
                        dot += w[j] * x.Value[p] * scale[j];
                    }
                    double g = sign[i] * dot - 1 + diag[i] * alpha[i];
                    double pg = alpha[i] == 0 ? Math.Min(g, 0) : g;
                    maxPg = Math.Max(maxPg, pg);
                    minPg = Math.Min(minPg, pg);
                    if (pg == 0) continue;
                    double old = alpha[i];
                    alpha[i] = Math.Max(old - g / qd[i], 0);
                    double delta = (alpha[i] - old) * sign[i];
                    if (delta == 0) continue;
                    for (int p = from; p < to; p++)
                    {
                        int j = x.Index[p];
                        w[j] += delta * x.Value[p] * scale[j];
                    }
                    b += delta;
                }
                if (maxPg - minPg < epsilon) break;
            }
            for (int j = 0; j < d; j++) weights[j * classes + k] = (float)(w[j] * scale[j]);
            bias[k] = (float)b;
        });
        return new LinearScorer(classes, weights, bias);
    }

    // counts[j·K + k] = number of rows of class k in which feature j occurs.
    private static float[] BinaryCounts(SparseMatrix x, int[] y, int classes)
    {
        var counts = new float[x.Columns * classes];
        for (int i = 0; i < x.Rows; i++)
        {
            for (int p = x.RowStart[i]; p < x.RowStart[i + 1]; p++)
            {
                if (x.Value[p] > 0) counts[x.Index[p] * classes + y[i]]++;
            }
        }
        return counts;
    }

    private static void ComputeLogCountRatio(float[] counts, int classes, int k, float[] ratio)
    {
        const double smoothing = 1.0;
        int d = ratio.Length;
        double sumIn = 0, sumOut = 0;
        for (int j = 0; j < d; j++)
        {
            double inClass = counts[j * classes + k];
            double all = 0;
            for (int c = 0; c < classes; c++) all += counts[j * classes + c];
            sumIn += inClass + smoothing;
            sumOut += all - inClass + smoothing;
        }
        for (int j = 0; j < d; j++)
        {
            double inClass = counts[j * classes + k];
            double all = 0;
            for (int c = 0; c < classes; c++) all += counts[j * classes + c];
            double r = Math.Log((inClass + smoothing) / sumIn) - Math.Log((all - inClass + smoothing) / sumOut);
            ratio[j] = (float)Math.Abs(r);
        }
    }

    /// <summary>
    /// Multinomial logistic regression, ½‖W‖² + C Σ wᵢ·(−log pᵢ(yᵢ)), minimised by L-BFGS. The gradient
    /// is summed over a fixed number of row chunks in a fixed order, so the result does not depend on
    /// the number of cores.
    /// </summary>
    public static LinearScorer MultinomialLogistic(SparseMatrix x, int[] y, int classes, double[] sampleWeight,
        double c, int maxIterations = 200, double tolerance = 1e-4)
    {
        int d = x.Columns, k = classes;
        int size = d * k + k;
        const int chunks = 4;
        var chunkGradient = new float[chunks][];
        var chunkLoss = new double[chunks];
        for (int t = 0; t < chunks; t++) chunkGradient[t] = new float[size];

        double Evaluate(float[] theta, float[] gradient)
        {
            Parallel.For(0, chunks, t =>
            {
                var g = chunkGradient[t];
                Array.Clear(g);
                var z = new double[k];
                double loss = 0;
                int from = (int)((long)x.Rows * t / chunks), to = (int)((long)x.Rows * (t + 1) / chunks);
                for (int i = from; i < to; i++)
                {
                    int rs = x.RowStart[i], re = x.RowStart[i + 1];
                    for (int cl = 0; cl < k; cl++) z[cl] = theta[d * k + cl];
                    for (int p = rs; p < re; p++)
                    {
                        int off = x.Index[p] * k;
                        float v = x.Value[p];
                        for (int cl = 0; cl < k; cl++) z[cl] += v * theta[off + cl];
                    }
                    double max = z[0];
                    for (int cl = 1; cl < k; cl++) max = Math.Max(max, z[cl]);
                    double sum = 0;
                    for (int cl = 0; cl < k; cl++) { z[cl] = Math.Exp(z[cl] - max); sum += z[cl]; }
                    double weight = c * sampleWeight[i];
                    loss += weight * (Math.Log(sum) - Math.Log(z[y[i]]));
                    for (int cl = 0; cl < k; cl++) z[cl] = weight * (z[cl] / sum - (cl == y[i] ? 1 : 0));
                    for (int p = rs; p < re; p++)
                    {
                        int off = x.Index[p] * k;
                        float v = x.Value[p];
                        for (int cl = 0; cl < k; cl++) g[off + cl] += (float)(v * z[cl]);
                    }
                    for (int cl = 0; cl < k; cl++) g[d * k + cl] += (float)z[cl];
                }
                chunkLoss[t] = loss;
            });
            double f = 0;
            for (int t = 0; t < chunks; t++) f += chunkLoss[t];
            Array.Clear(gradient);
            for (int t = 0; t < chunks; t++)
            {
                var g = chunkGradient[t];
                for (int j = 0; j < size; j++) gradient[j] += g[j];
            }
            // The bias is not regularised.
            for (int j = 0; j < d * k; j++)
            {
                f += 0.5 * theta[j] * theta[j];
                gradient[j] += theta[j];
            }
            return f;
        }

        var theta = new float[size];
        Lbfgs.Minimize(Evaluate, theta, maxIterations, tolerance);
        return new LinearScorer(k, theta.AsSpan(0, d * k).ToArray(), theta.AsSpan(d * k, k).ToArray());
    }
}

/// <summary>Limited-memory BFGS with a backtracking Armijo line search.</summary>
internal static class Lbfgs
{
    public static void Minimize(Func<float[], float[], double> evaluate, float[] x, int maxIterations, double tolerance, int memory = 7)
    {
        int n = x.Length;
        var g = new float[n];
        double f = evaluate(x, g);
        double g0 = Norm(g);
        if (g0 == 0) return;
        var s = new float[memory][];
        var yv = new float[memory][];
        var rho = new double[memory];
        var alpha = new double[memory];
        int stored = 0, head = 0;
        var direction = new float[n];
        var xNew = new float[n];
        var gNew = new float[n];
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            // Two-loop recursion: direction = −H·g.
            for (int j = 0; j < n; j++) direction[j] = -g[j];
            for (int m = 0; m < stored; m++)
            {
                int idx = (head - 1 - m + memory) % memory;
                alpha[idx] = rho[idx] * Dot(s[idx], direction);
                Axpy(-alpha[idx], yv[idx], direction);
            }
            if (stored > 0)
            {
                int last = (head - 1 + memory) % memory;
                double gamma = Dot(s[last], yv[last]) / Dot(yv[last], yv[last]);
                for (int j = 0; j < n; j++) direction[j] = (float)(direction[j] * gamma);
            }
            for (int m = stored - 1; m >= 0; m--)
            {
                int idx = (head - 1 - m + memory) % memory;
                double beta = rho[idx] * Dot(yv[idx], direction);
                Axpy(alpha[idx] - beta, s[idx], direction);
            }
            double slope = Dot(g, direction);
            if (slope >= 0)
            {
                for (int j = 0; j < n; j++) direction[j] = -g[j];
                slope = Dot(g, direction);
                stored = 0;
            }
            double step = iteration == 0 && stored == 0 ? 1 / Math.Max(1, Norm(g)) : 1;
            double fNew = 0;
            bool accepted = false;
            for (int tries = 0; tries < 30; tries++)
            {
                for (int j = 0; j < n; j++) xNew[j] = (float)(x[j] + step * direction[j]);
                fNew = evaluate(xNew, gNew);
                if (fNew <= f + 1e-4 * step * slope) { accepted = true; break; }
                step *= 0.5;
            }
            if (!accepted) return;
            s[head] ??= new float[n];
            yv[head] ??= new float[n];
            for (int j = 0; j < n; j++)
            {
                s[head][j] = xNew[j] - x[j];
                yv[head][j] = gNew[j] - g[j];
            }
            double sy = Dot(s[head], yv[head]);
            if (sy > 1e-12)
            {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.Min(stored + 1, memory);
            }
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            double decrease = f - fNew;
            f = fNew;
            if (Norm(g) <= tolerance * g0) return;
            if (decrease <= 1e-9 * Math.Max(1, Math.Abs(f))) return;
        }
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    private static double Norm(float[] a) => Math.Sqrt(Dot(a, a));

    private static void Axpy(double a, float[] x, float[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = (float)(y[i] + a * x[i]);
    }
}
