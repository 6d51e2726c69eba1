using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Platform.Host.Identity;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (V3 format, PBKDF2-HMAC-SHA512,
/// its own iteration count and upgrades). Hashes written before (<c>pbkdf2-sha256$iterations$salt$hash</c>) still
/// verify and are answered as needing a rehash, so they are replaced at the next successful sign-in.
/// </summary>
internal static class PasswordHasher
{
    private const string LegacyPrefix = "pbkdf2-sha256$";
    private static readonly PasswordHasher<UserAccount> Identity = new();

    public static string Hash(string password) => Identity.HashPassword(null!, password);

    public static PasswordVerificationResult Verify(string password, string stored)
    {
        if (stored.StartsWith(LegacyPrefix, StringComparison.Ordinal))
            return VerifyLegacy(password, stored) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
        try
        {
            return Identity.VerifyHashedPassword(null!, stored, password);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
    }

    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
            return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
