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
}
