namespace Platform.Linkage.Demonstration;

/// <summary>The order a tour visits its stops in, and how it was found.</summary>
internal sealed record TourOrder(IReadOnlyList<int> Stops, double Metres, bool Exact, string MethodZh, string MethodEn);

/// <summary>
/// The shortest open walk that starts at stop 0 and visits every other stop once, over a matrix of walking
/// distances (metres along the network; infinity where two stops are not connected).
/// </summary>
/// <remarks>
/// Exact up to <see cref="ExactLimit"/> stops (Held–Karp dynamic programme over subsets, O(2ⁿ·n²): 10 stops is
/// about 100 000 steps). Beyond, a heuristic: nearest neighbour from the start, then 2-opt reversals until none
/// shortens the walk — usually within a few percent of the optimum, never guaranteed.
/// </remarks>
internal static class TourPlanner
{
    public const int ExactLimit = 10;

    public static TourOrder Plan(double[,] metres)
    {
        var n = metres.GetLength(0);
        if (n <= 1)
            return new TourOrder(n == 1 ? [0] : [], 0, true, "单点，无需排序", "one stop");
        return n <= ExactLimit ? HeldKarp(metres) : TwoOpt(metres, NearestNeighbour(metres));
    }

    public static double Length(double[,] metres, IReadOnlyList<int> order)
    {
        var total = 0.0;
        for (var i = 1; i < order.Count; i++)
            total += metres[order[i - 1], order[i]];
        return total;
    }

    private static TourOrder HeldKarp(double[,] d)
    {
        var n = d.GetLength(0);
        var full = 1 << n;
        var cost = new double[full, n];
        var back = new int[full, n];
        for (var s = 0; s < full; s++)
            for (var j = 0; j < n; j++)
                cost[s, j] = double.PositiveInfinity;
        cost[1, 0] = 0;
        for (var s = 1; s < full; s += 2)
            for (var j = 0; j < n; j++)
            {
                if ((s & (1 << j)) == 0 || double.IsPositiveInfinity(cost[s, j]))
                    continue;
                for (var k = 1; k < n; k++)
                {
                    if ((s & (1 << k)) != 0)
                        continue;
                    var next = s | (1 << k);
                    var c = cost[s, j] + d[j, k];
                    if (c < cost[next, k])
                    {
                        cost[next, k] = c;
                        back[next, k] = j;
                    }
                }
            }
        var all = full - 1;
        var end = Enumerable.Range(1, n - 1).MinBy(j => cost[all, j]);
        var order = new List<int>();
        for (int set = all, at = end; ; )
        {
            order.Add(at);
            if (at == 0)
                break;
            var previous = back[set, at];
            set &= ~(1 << at);
            at = previous;
        }
        order.Reverse();
        return new TourOrder(order, cost[all, end], true, "精确求解（动态规划，遍历全部顺序的最优解）", "exact (Held–Karp dynamic programme)");
    }

    private static List<int> NearestNeighbour(double[,] d)
    {
        var n = d.GetLength(0);
        var order = new List<int> { 0 };
        var left = Enumerable.Range(1, n - 1).ToHashSet();
        while (left.Count > 0)
        {
            var next = left.MinBy(k => d[order[^1], k]);
            order.Add(next);
            left.Remove(next);
        }
        return order;
    }

    private static TourOrder TwoOpt(double[,] d, List<int> order)
    {
        var improved = true;
        while (improved)
        {
            improved = false;
            for (var i = 1; i < order.Count - 1; i++)
                for (var k = i + 1; k < order.Count; k++)
                {
                    var candidate = order.Take(i).Concat(order.Skip(i).Take(k - i + 1).Reverse()).Concat(order.Skip(k + 1)).ToList();
                    if (Length(d, candidate) + 1e-9 < Length(d, order))
                    {
                        order = candidate;
                        improved = true;
                    }
                }
        }
        return new TourOrder(order, Length(d, order), false, "启发式（最近邻 + 2-opt 优化），不保证最优", "heuristic (nearest neighbour, then 2-opt), not guaranteed optimal");
    }
}
