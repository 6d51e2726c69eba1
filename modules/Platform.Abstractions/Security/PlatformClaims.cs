namespace Platform.Abstractions.Security;

/// <summary>Claim types the platform puts into a signed-in user's principal besides name and role.</summary>
public static class PlatformClaims
{
    /// <summary>The code of the community (社区) a community worker belongs to.</summary>
    public const string Community = "platform:community";

    /// <summary>The user's display name (Chinese).</summary>
    public const string DisplayName = "platform:display_name";
}
