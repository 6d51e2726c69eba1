using Platform.Abstractions.Maps;

namespace Platform.Host.Tests.Maps;

/// <summary>The cache of store-derived values: once per committed change, never a value computed across a commit.</summary>
public sealed class CommittedChangeCacheTests
{
    [Fact]
    public async Task AValue_IsComputedOncePerChange_ForConcurrentCallers()
    {
        var changes = new ChangeNotifier();
        var cache = new CommittedChangeCache<string, int>(changes);
        var computed = 0;
        var gate = new TaskCompletionSource();
        async Task<int> Compute(string key)
        {
            Interlocked.Increment(ref computed);
            await gate.Task;
            return 42;
        }

        var callers = Enumerable.Range(0, 10).Select(_ => cache.GetAsync("2026-12-01", Compute)).ToList();
        gate.SetResult();
        Assert.All(await Task.WhenAll(callers), v => Assert.Equal(42, v));
        Assert.Equal(1, computed);

        changes.Changed();
        await cache.GetAsync("2026-12-01", Compute);
        Assert.Equal(2, computed);
    }

    [Fact]
    public async Task AValue_ComputedWhileACommitLands_IsComputedAgainNextTime()
    {
        var changes = new ChangeNotifier();
        var cache = new CommittedChangeCache<int, int>(changes);
        var version = 0;
        // The commit lands after the cache read the version and before the value is done.
        var first = await cache.GetAsync(1, _ => { changes.Changed(); return Task.FromResult(++version); });
        var second = await cache.GetAsync(1, _ => Task.FromResult(++version));
        var third = await cache.GetAsync(1, _ => Task.FromResult(++version));

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal(2, third);
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept()
    {
        var cache = new CommittedChangeCache<int, int>(new ChangeNotifier());
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(1, _ => Task.FromException<int>(new InvalidOperationException("db down"))));
        Assert.Equal(7, await cache.GetAsync(1, _ => Task.FromResult(7)));
    }
}
