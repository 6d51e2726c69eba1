namespace Platform.Host.Identity;

/// <summary>A user who can sign in. Stored as a Marten document keyed by the lower-case user name.</summary>
public sealed class UserAccount
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string[] Roles { get; set; } = [];

    /// <summary>For community workers: the code of their community.</summary>
    public string? Community { get; set; }

    /// <summary>ASP.NET Core Identity's password hash (V3: PBKDF2-HMAC-SHA512); older <c>pbkdf2-sha256$…</c> hashes are upgraded at the next sign-in.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Changes on sign-out and password change: every cookie and token issued before carries the old one and stops working.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Kept for documents written before lock-out moved to per-address counting (<see cref="SignInThrottle"/>); unused.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Kept for documents written before lock-out moved to per-address counting; unused.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>A disabled user cannot sign in, and every cookie and token issued before stops working.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
