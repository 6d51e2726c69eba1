using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Platform.Spatial;

/// <summary>
/// NetTopologySuite's STR-packed R-tree, copied after packing into flat arrays so that a point query walks
/// plain memory without allocating (the tree's own query allocates an enumerator per node).
/// </summary>
internal sealed class PackedRTree
{
    // Node i covers [MinX..MaxX]×[MinY..MaxY]; its children are nodes (or items, for leaves) First..First+Count−1.
    private readonly Box[] _nodes;
    private readonly bool[] _leaf;
    private readonly int[] _first;
    private readonly int[] _count;
    private readonly Box[] _items;
    private readonly int[] _itemValues;

    public PackedRTree(IEnumerable<(Envelope Envelope, int Value)> entries)
    {
        var tree = new STRtree<int>();
        foreach (var (envelope, value) in entries)
        {
            tree.Insert(envelope, value);
        }

        tree.Build();
        var nodes = new List<(Box Box, bool Leaf, int First, int Count)>();
        var items = new List<(Box Box, int Value)>();
        if (!tree.IsEmpty)
        {
            nodes.Add(default);
            Flatten(tree.Root, 0, nodes, items);
        }

        _nodes = nodes.Select(n => n.Box).ToArray();
        _leaf = nodes.Select(n => n.Leaf).ToArray();
        _first = nodes.Select(n => n.First).ToArray();
        _count = nodes.Select(n => n.Count).ToArray();
        _items = items.Select(i => i.Box).ToArray();
        _itemValues = items.Select(i => i.Value).ToArray();
    }

    public bool IsEmpty => _nodes.Length == 0;

    /// <summary>Adds to <paramref name="found"/> the values whose boxes contain (x, y); returns how many were written.</summary>
    public int Query(double x, double y, Span<int> found, List<int>? overflow)
    {
        if (IsEmpty)
        {
            return 0;
        }

        Span<int> stack = stackalloc int[128];
        var top = 0;
        var written = 0;
        stack[top++] = 0;
        while (top > 0)
        {
            var node = stack[--top];
            if (!_nodes[node].Contains(x, y))
            {
                continue;
            }

            var (first, end) = (_first[node], _first[node] + _count[node]);
            if (_leaf[node])
            {
                for (var i = first; i < end; i++)
                {
                    if (!_items[i].Contains(x, y))
                    {
                        continue;
                    }

                    if (written < found.Length)
                    {
                        found[written++] = _itemValues[i];
                    }
                    else
                    {
                        overflow?.Add(_itemValues[i]);
                        written++;
                    }
                }
            }
            else
            {
                for (var i = first; i < end; i++)
                {
                    stack[top++] = i;
                }
            }
        }

        return written;
    }

    /// <summary>Adds to <paramref name="found"/> the values whose boxes intersect <paramref name="envelope"/>.</summary>
    public void Query(Envelope envelope, List<int> found)
    {
        if (IsEmpty)
        {
            return;
        }

        var query = new Box(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY);
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!_nodes[node].Intersects(query))
            {
                continue;
            }

            for (int i = _first[node], end = _first[node] + _count[node]; i < end; i++)
            {
                if (!_leaf[node])
                {
                    stack.Push(i);
                }
                else if (_items[i].Intersects(query))
                {
                    found.Add(_itemValues[i]);
                }
            }
        }
    }

    private static void Flatten(AbstractNode<Envelope, int> node, int index, List<(Box, bool, int, int)> nodes, List<(Box, int)> items)
    {
        var children = node.ChildBoundables;
        var leaf = children.Count > 0 && children[0] is not AbstractNode<Envelope, int>;
        var first = leaf ? items.Count : nodes.Count;
        nodes[index] = (Box.Of(node.Bounds), leaf, first, children.Count);
        if (leaf)
        {
            items.AddRange(children.Select(c => (Box.Of(c.Bounds), c.Item)));
            return;
        }

        for (var i = 0; i < children.Count; i++)
        {
            nodes.Add(default);
        }

        for (var i = 0; i < children.Count; i++)
        {
            Flatten((AbstractNode<Envelope, int>)children[i], first + i, nodes, items);
        }
    }

    private readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
    {
        public static Box Of(Envelope e) => new(e.MinX, e.MinY, e.MaxX, e.MaxY);

        public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;

        public bool Intersects(Box o) => o.MinX <= MaxX && o.MaxX >= MinX && o.MinY <= MaxY && o.MaxY >= MinY;
    }
}
