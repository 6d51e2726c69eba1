namespace Platform.Host.Identity;

/// <summary>A user who can sign in. Stored as a Marten document keyed by the lower-case user name.</summary>
public sealed class UserAccount
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string[] Roles { get; set; } = [];

    /// <summary>For community workers: the code of their community.</summary>
    public string? Community { get; set; }

    public string PasswordHash { get; set; } = "";
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
