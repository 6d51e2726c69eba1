namespace Platform.Plugins.Ecological.Lottery;

/// <summary>
/// The draw of a lottery round, a pure function of (entrants in entry order, seed): anyone holding the recorded
/// <see cref="LotteryDrawn"/> event can recompute the order and check the winners.
/// </summary>
/// <remarks>
/// The algorithm is written out here rather than taken from <see cref="Random"/>, whose seeded sequence is an
/// implementation detail of .NET and may change between versions; a recorded draw must replay for years.
/// SplitMix64 (Steele, Lea, Flood 2014) generates the numbers; a Fisher–Yates shuffle (from the last position
/// down) uses them, each index drawn without modulo bias by rejection.
/// </remarks>
internal static class LotteryDraw
{
    public const string Algorithm = "splitmix64-fisher-yates-v1";

    public static IReadOnlyList<Guid> Shuffle(IReadOnlyList<Guid> entrants, ulong seed)
    {
        var order = entrants.ToArray();
        var state = seed;
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = (int)Below((ulong)i + 1, ref state);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static ulong Below(ulong bound, ref ulong state)
    {
        // Values at or above the largest multiple of bound would favour small indices; draw again.
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong value;
        do
            value = Next(ref state);
        while (value >= limit);
        return value % bound;
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
