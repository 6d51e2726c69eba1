using System.Security.Cryptography;
using System.Text;

namespace Platform.Host.Identity;

// What administrators do to users, as events in a stream per user, appended in the same transaction as the change to the
// user's document: the audit log reads them with every other change of the platform. No password or hash is in them.

/// <summary>A user was added with their roles and community.</summary>
internal sealed record UserAdded(string UserName, string DisplayName, string[] Roles, string? Community);

/// <summary>A user's name, roles or community changed (the new values).</summary>
internal sealed record UserRevised(string UserName, string DisplayName, string[] Roles, string? Community);

/// <summary>A user may no longer sign in; every earlier sign-in was revoked.</summary>
internal sealed record UserDisabled(string UserName);

/// <summary>A disabled user may sign in again.</summary>
internal sealed record UserEnabled(string UserName);

/// <summary>An administrator set a new password for the user; every earlier sign-in was revoked.</summary>
internal sealed record UserPasswordReset(string UserName);

internal static class UserStreams
{
    /// <summary>The audit stream of a user (by the normalised user name).</summary>
    public static Guid Of(string userId) => new(MD5.HashData(Encoding.UTF8.GetBytes("platform.user:" + userId)));
}
