using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Platform.Maps.Web;

/// <summary>
/// The built web map (maps/web/dist, embedded under the resource prefix <c>web/</c> by WebMap.targets),
/// read once into memory with content types and ETags.
/// </summary>
internal sealed class WebMapAssets
{
    private const string Prefix = "web/";
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    public WebMapAssets()
    {
        var assembly = typeof(WebMapAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = "/" + name[Prefix.Length..].Replace('\\', '/');
            var body = copy.ToArray();
            if (!types.TryGetContentType(path, out var type))
                type = "application/octet-stream";
            _assets[path] = new Asset(body, type, $"\"{Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 12))}\"", path.StartsWith("/assets/", StringComparison.Ordinal));
        }
    }

    /// <summary>False when the build had no npm: the page then explains what to install.</summary>
    public bool Built => _assets.ContainsKey("/index.html");

    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    /// <summary>A file of the page; <c>Immutable</c> for Vite's hashed names under /assets, whose content never changes.</summary>
    internal sealed record Asset(byte[] Body, string ContentType, string ETag, bool Immutable);
}
