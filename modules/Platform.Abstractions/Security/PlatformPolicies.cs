namespace Platform.Abstractions.Security;

/// <summary>
/// Authorization policy names, for <c>RequireAuthorization(...)</c> on endpoints. Anonymous callers get
/// 401 and signed-in users without the role 403, both as problem+json.
/// </summary>
public static class PlatformPolicies
{
    /// <summary>Administrators only.</summary>
    public const string Administer = "platform:administer";

    /// <summary>Administrators, or community workers for changes inside their community (checked by the endpoint).</summary>
    public const string EditCommunityData = "platform:edit-community-data";

    /// <summary>Administrators and module developers: plugin administration.</summary>
    public const string ManagePlugins = "platform:manage-plugins";

    /// <summary>Staff: administrators, planners, workers, developers — may see personal data such as contacts.</summary>
    public const string Staff = "platform:staff";

    /// <summary>Any signed-in user, residents included.</summary>
    public const string SignedIn = "platform:signed-in";
}
