using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Platform.Host.Identity;

/// <summary>
/// Bounds password guessing without letting anyone lock an account: a per-user-name sliding-window rate limiter (the
/// framework's <see cref="PartitionedRateLimiter"/>) and per (user, address) failure counting. An attempt reserves its
/// place before the password is checked, so parallel attempts cannot slip past the count.
/// </summary>
internal sealed class SignInThrottle(TimeProvider clock)
{
    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset? LockedUntil;
    }

    private readonly ConcurrentDictionary<(string User, string Address), Failures> _failures = new();

    private readonly PartitionedRateLimiter<string> _perUser = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetSlidingWindowLimiter(user, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = LockoutPolicy.PerUserPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>True when <paramref name="address"/> has failed to sign <paramref name="user"/> in since its last success.</summary>
    public bool HasFailed(string user, string address) => _failures.TryGetValue((user, address), out var f) && Volatile.Read(ref f.Count) > 0;

    /// <summary>Takes one attempt for <paramref name="user"/>: false when the user name is tried too often (from addresses that failed before).</summary>
    public bool TryAcquire(string user)
    {
        using var lease = _perUser.AttemptAcquire(user);
        return lease.IsAcquired;
    }

    /// <summary>
    /// Reserves an attempt for (user, address): null when allowed, else when the lock for this address ends. A reserved
    /// attempt counts as failed until <see cref="Succeeded"/> says otherwise.
    /// </summary>
    public DateTimeOffset? Reserve(string user, string address)
    {
        var failures = _failures.GetOrAdd((user, address), _ => new Failures());
        lock (failures)
        {
            var now = clock.GetUtcNow();
            if (failures.LockedUntil is { } until)
            {
                if (until > now)
                    return until;
                failures.LockedUntil = null;
                failures.Count = 0;
            }
            if (failures.Count >= LockoutPolicy.MaxFailedAttempts)
            {
                failures.LockedUntil = now + LockoutPolicy.Duration;
                return failures.LockedUntil;
            }
            failures.Count++;
            return null;
        }
    }

    /// <summary>After a wrong password: the lock's end when this attempt was the last one allowed, else null.</summary>
    public DateTimeOffset? Failed(string user, string address)
    {
        var failures = _failures.GetOrAdd((user, address), _ => new Failures());
        lock (failures)
        {
            if (failures.Count < LockoutPolicy.MaxFailedAttempts)
                return null;
            failures.LockedUntil ??= clock.GetUtcNow() + LockoutPolicy.Duration;
            return failures.LockedUntil;
        }
    }

    /// <summary>After the right password: this address's count for the user starts again.</summary>
    public void Succeeded(string user, string address) => _failures.TryRemove((user, address), out _);
}
