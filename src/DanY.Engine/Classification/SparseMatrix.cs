namespace DanY.Engine.Classification;

/// <summary>Compressed sparse rows; column indices ascending within a row.</summary>
internal sealed class SparseMatrix
{
    public SparseMatrix(int columns, int[] rowStart, int[] index, float[] value)
    {
        Columns = columns;
        RowStart = rowStart;
        Index = index;
        Value = value;
    }

    public int Rows => RowStart.Length - 1;

    public int Columns { get; }

    public int[] RowStart { get; }

    public int[] Index { get; }

    public float[] Value { get; }

    public long NonZeros => RowStart[^1];

    /// <summary>Vectorises every text in the given feature space (in parallel; the result does not depend on it).</summary>
    public static SparseMatrix Build(FeatureSpace space, IReadOnlyList<string> texts)
    {
        var rowIndex = new int[texts.Count][];
        var rowValue = new float[texts.Count][];
        Parallel.For(0, texts.Count, () => (new TextFeaturizer(space.Options), new KeyBuffer(), new SparseVectorBuffer()), (i, _, local) =>
        {
            local.Item1.Extract(texts[i], local.Item2);
            space.Vectorize(local.Item2.Span, local.Item3);
            rowIndex[i] = local.Item3.Indices.AsSpan(0, local.Item3.Count).ToArray();
            rowValue[i] = local.Item3.Values.AsSpan(0, local.Item3.Count).ToArray();
            return local;
        }, _ => { });
        return FromRows(space.Count, rowIndex, rowValue);
    }

    public static SparseMatrix FromRows(int columns, IReadOnlyList<int[]> rowIndex, IReadOnlyList<float[]> rowValue)
    {
        var start = new int[rowIndex.Count + 1];
        long total = 0;
        for (int i = 0; i < rowIndex.Count; i++)
        {
            total += rowIndex[i].Length;
            if (total > int.MaxValue) throw new InvalidOperationException("Too many features for one training set.");
            start[i + 1] = (int)total;
        }
        var index = new int[total];
        var value = new float[total];
        for (int i = 0; i < rowIndex.Count; i++)
        {
            rowIndex[i].CopyTo(index, start[i]);
            rowValue[i].CopyTo(value, start[i]);
        }
        return new SparseMatrix(columns, start, index, value);
    }

    public SparseMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var start = new int[rows.Count + 1];
        for (int r = 0; r < rows.Count; r++) start[r + 1] = start[r] + (RowStart[rows[r] + 1] - RowStart[rows[r]]);
        var index = new int[start[^1]];
        var value = new float[start[^1]];
        for (int r = 0; r < rows.Count; r++)
        {
            int from = RowStart[rows[r]], len = RowStart[rows[r] + 1] - from;
            Array.Copy(Index, from, index, start[r], len);
            Array.Copy(Value, from, value, start[r], len);
        }
        return new SparseMatrix(Columns, start, index, value);
    }

    /// <summary>A copy in which every value of a column at or after <paramref name="from"/> is multiplied by <paramref name="scale"/>.</summary>
    public SparseMatrix ScaleColumnsFrom(int from, float scale)
    {
        var value = (float[])Value.Clone();
        for (int p = 0; p < value.Length; p++)
        {
            if (Index[p] >= from) value[p] *= scale;
        }
        return new SparseMatrix(Columns, RowStart, Index, value);
    }

    /// <summary>The same rows with only the columns in [from, to) (other entries dropped).</summary>
    public SparseMatrix KeepColumns(int from, int to)
    {
        if (from <= 0 && to >= Columns) return this;
        var start = new int[Rows + 1];
        var index = new List<int>(Index.Length);
        var value = new List<float>(Index.Length);
        for (int r = 0; r < Rows; r++)
        {
            for (int p = RowStart[r]; p < RowStart[r + 1]; p++)
            {
                if (Index[p] < from || Index[p] >= to) continue;
                index.Add(Index[p]);
                value.Add(Value[p]);
            }
            start[r + 1] = index.Count;
        }
        return new SparseMatrix(Columns, start, index.ToArray(), value.ToArray());
    }
}
