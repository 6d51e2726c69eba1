using System.Security.Cryptography;
using System.Text;

namespace Platform.Plugins.Smart.Telemetry;

/// <summary>
/// Pseudonyms of people in access events: HMAC-SHA256 of the identifier under a key of this deployment (kept in the data
/// folder as <c>smart-pseudonym.key</c>, created on first use), shortened to 16 hex digits. The same person gets the same
/// pseudonym, so passes can be counted, but the identifier cannot be read back; rows expire with the retention period.
/// </summary>
public sealed class Pseudonyms(byte[] key)
{
    public static Pseudonyms Default { get; private set; } = new(RandomNumberGenerator.GetBytes(32));

    public string Of(string identifier) => "p-" + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identifier)))[..16];

    /// <summary>Loads (or creates) the deployment's key in <paramref name="dataDir"/> and makes it the default.</summary>
    public static void Load(string? dataDir)
    {
        if (string.IsNullOrEmpty(dataDir))
            return;
        var path = Path.Combine(dataDir, "smart-pseudonym.key");
        try
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(dataDir);
                File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            var key = File.ReadAllBytes(path);
            if (key.Length >= 16)
                Default = new Pseudonyms(key);
        }
        catch (IOException)
        {
            // Keep the in-memory key: pseudonyms then change at the next start, which loses only the linking of passes.
        }
    }
}
