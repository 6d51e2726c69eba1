namespace Platform.Abstractions.Security;

/// <summary>
/// Rate-limiting policy names, for <c>RequireRateLimiting(...)</c> on endpoints (ASP.NET Core's rate limiter); a
/// refused call answers 429 problem+json with <c>Retry-After</c>. Since SDK 1.5.
/// </summary>
public static class PlatformRateLimits
{
    /// <summary>Sign-in attempts: per client address.</summary>
    public const string Login = "platform:login";

    /// <summary>Expensive computations (siting, coverage): per signed-in user or, anonymously, per address, and a few at a time.</summary>
    public const string Expensive = "platform:expensive";

    /// <summary>
    /// Anonymous writes of the public (a scanned entrance pass): per client address, generous enough for a family at one
    /// gate and for phones behind one carrier address, tight enough that a script cannot flood the records. Since SDK 1.6.
    /// </summary>
    public const string PublicWrite = "platform:public-write";
}
