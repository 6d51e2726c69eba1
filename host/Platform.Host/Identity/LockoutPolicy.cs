namespace Platform.Host.Identity;

/// <summary>
/// After <see cref="MaxFailedAttempts"/> wrong passwords for one user from one address, that address may not try that
/// user for <see cref="Duration"/>. The account itself is never locked, so nobody can lock the administrator out by
/// guessing from elsewhere; guessing from many addresses is bounded by the per-user rate limit (<see cref="PerUserPerMinute"/>).
/// </summary>
internal static class LockoutPolicy
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts per user name per minute, from all addresses together.</summary>
    public const int PerUserPerMinute = 20;

    /// <summary>Sign-in attempts per address per minute, for all user names together (the rate limiter's <c>login</c> policy).</summary>
    public const int PerAddressPerMinute = 60;
}
