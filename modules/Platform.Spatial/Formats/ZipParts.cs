using System.IO.Compression;
using System.Text;

namespace Platform.Spatial;

/// <summary>The files of one shapefile inside a zip archive, read into memory (nothing is extracted to disk).</summary>
internal sealed class ZipParts
{
    private readonly Dictionary<string, byte[]> _parts;

    private ZipParts(string name, Dictionary<string, byte[]> parts)
    {
        Name = name;
        _parts = parts;
    }

    public string Name { get; }

    public byte[]? this[string extension] => _parts.GetValueOrDefault(extension);

    public static ZipParts Read(Stream zip, string? layerName, long maxBytes)
    {
        var buffered = new MemoryStream();
        zip.CopyTo(buffered);
        // Entry names without the UTF-8 flag are often GBK (zipped on Chinese Windows): retry with GBK if UTF-8 fails.
        foreach (var nameEncoding in new[] { AttributeEncodings.Utf8, AttributeEncodings.Gbk })
        {
            buffered.Position = 0;
            using var archive = Open(buffered, nameEncoding);
            var entries = archive.Entries.Where(e => !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)).ToArray();
            if (nameEncoding == AttributeEncodings.Utf8 && entries.Any(e => AttributeEncodings.LooksGarbled(e.FullName)))
            {
                continue;
            }

            return Select(entries, layerName, maxBytes);
        }

        throw new FeatureImportException("The archive's file names cannot be decoded.", "压缩包内的文件名无法解码。");
    }

    private static ZipArchive Open(Stream stream, Encoding names)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: names);
        }
        catch (InvalidDataException ex)
        {
            throw new FeatureImportException($"The upload is not a readable zip archive ({ex.Message}).",
                "上传的文件不是有效的 zip 压缩包。", ex);
        }
    }

    private static ZipParts Select(ZipArchiveEntry[] entries, string? layerName, long maxBytes)
    {
        var shapefiles = entries.Where(e => e.FullName.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.FullName[..^4]).ToArray();
        if (shapefiles.Length == 0)
        {
            throw new FeatureImportException(
                $"The archive holds no .shp file (found: {string.Join(", ", entries.Select(e => e.FullName).Take(20))}).",
                "压缩包中没有 .shp 文件。");
        }

        var chosen = layerName is null
            ? shapefiles.Length == 1 ? shapefiles[0] : throw new FeatureImportException(
                $"The archive holds several shapefiles ({string.Join(", ", shapefiles)}); name the layer to import.",
                $"压缩包中有多个 shapefile（{string.Join("、", shapefiles)}），请指定要导入的图层。")
            : shapefiles.FirstOrDefault(s => Path.GetFileName(s) == layerName || s == layerName)
              ?? throw new FeatureImportException(
                  $"The archive has no shapefile named '{layerName}' (found: {string.Join(", ", shapefiles)}).",
                  $"压缩包中没有名为“{layerName}”的 shapefile。");

        var parts = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var entry in entries.Where(e => (e.FullName.Length == chosen.Length + 4
                         || e.FullName == $"{chosen}.{ShapefileFieldNames.SidecarExtension}")
                     && e.FullName.StartsWith(chosen, StringComparison.Ordinal) && e.FullName[chosen.Length] == '.'))
        {
            total += entry.Length;
            if (total > maxBytes)
            {
                throw new FeatureImportException($"The shapefile unpacks to more than {maxBytes} bytes, the import limit.",
                    $"shapefile 解压后超过 {maxBytes} 字节的导入上限。");
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
            stream.CopyTo(copy);
            parts[entry.FullName[(chosen.Length + 1)..].ToLowerInvariant()] = copy.ToArray();
        }

        return new ZipParts(Path.GetFileName(chosen), parts);
    }
}
