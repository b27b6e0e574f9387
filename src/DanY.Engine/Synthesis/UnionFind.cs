namespace DanY.Engine.Synthesis;

/// <summary>Disjoint sets; the root is always the smallest index, so results do not depend on the order of unions.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;

    public UnionFind(int n)
    {
        _parent = new int[n];
        for (int i = 0; i < n; i++) _parent[i] = i;
    }

    public int Count => _parent.Length;

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public bool Union(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb) return false;
        if (ra < rb) _parent[rb] = ra;
        else _parent[ra] = rb;
        return true;
    }
}
