using System.Security.Cryptography;
using System.Text;

namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// Device access tokens as ThingsBoard issues them: 20 random letters and digits, used as the MQTT user name or in the
/// HTTP path. Only the SHA-256 is kept; the token is shown once, in the answer that creates or rotates it.
/// </summary>
public static class AccessTokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const int Length = 20;

    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether <paramref name="text"/> can be a token at all (cheap check before any lookup).</summary>
    public static bool LooksLikeToken(string? text) => text is { Length: > 0 and <= 64 } && text.All(c => c < 128 && char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
