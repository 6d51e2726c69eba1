namespace Platform.Host.Identity;

/// <summary>After <see cref="MaxFailedAttempts"/> wrong passwords in a row an account is locked for <see cref="Duration"/>.</summary>
internal static class LockoutPolicy
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);
}
