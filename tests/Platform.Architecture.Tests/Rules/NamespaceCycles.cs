namespace Platform.Architecture.Tests.Rules;

/// <summary>Finds the cycles of a namespace graph: each strongly connected group of two or more namespaces is one.</summary>
internal static class NamespaceCycles
{
    /// <summary>
    /// One sentence per cycle, naming the namespaces caught in it and a path through them
    /// (<c>namespace cycle among A, B: A → B → A</c>); empty when the graph has none.
    /// </summary>
    public static IReadOnlyList<string> Find(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
    {
        IEnumerable<string> Next(string n) => edges.TryGetValue(n, out var s) ? s.Order(StringComparer.Ordinal) : [];
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();

        // Tarjan's strongly connected components.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var groups = new List<List<string>>();
        void Visit(string n)
        {
            index[n] = low[n] = index.Count;
            stack.Push(n);
            onStack.Add(n);
            foreach (var m in Next(n))
            {
                if (!index.ContainsKey(m))
                {
                    Visit(m);
                    low[n] = Math.Min(low[n], low[m]);
                }
                else if (onStack.Contains(m))
                    low[n] = Math.Min(low[n], index[m]);
            }
            if (low[n] != index[n])
                return;
            var group = new List<string>();
            string top;
            do
            {
                top = stack.Pop();
                onStack.Remove(top);
                group.Add(top);
            } while (top != n);
            if (group.Count > 1)
                groups.Add(group);
        }
        foreach (var n in nodes.Where(n => !index.ContainsKey(n)))
            Visit(n);

        return groups.Select(g => g.Order(StringComparer.Ordinal).ToList())
            .Select(g => $"namespace cycle among {string.Join(", ", g)}: {string.Join(" → ", PathThrough(g, Next))}")
            .Order(StringComparer.Ordinal).ToList();
    }

    // A shortest way from the group's first namespace back to itself, so the sentence shows the references to break.
    private static IEnumerable<string> PathThrough(List<string> group, Func<string, IEnumerable<string>> next)
    {
        var start = group[0];
        var members = group.ToHashSet();
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var m in next(n).Where(members.Contains))
            {
                if (m == start)
                {
                    var path = new List<string> { start };
                    for (var x = n; x != start; x = previous[x])
                        path.Add(x);
                    path.Add(start);
                    path.Reverse();
                    return path;
                }
                if (previous.TryAdd(m, n))
                    queue.Enqueue(m);
            }
        }
        return group;
    }
}
