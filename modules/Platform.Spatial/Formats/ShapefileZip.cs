using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Platform.Spatial;

/// <summary>
/// Zipped ESRI Shapefile (<c>.shp</c>, <c>.shx</c>, <c>.dbf</c>, <c>.prj</c>, <c>.cpg</c>) import and export.
/// </summary>
/// <remarks>
/// Import reads the CRS from the <c>.prj</c> (<see cref="WktCrsRecognizer"/>) and converts geometry to EPSG:4490;
/// attribute text is decoded as the parameter, the <c>.cpg</c>, or the dBase language driver say, else detected
/// (UTF-8 when valid, else GBK). Text that does not decode in the declared encoding is refused as garbled.
/// Export writes EPSG:4490 with the ESRI WKT that GDAL and ArcGIS identify as CGCS2000, and a <c>.cpg</c>.
/// dBase limits apply on export: field names are shortened to 10 bytes by <see cref="ShapefileFieldNames"/>, which also
/// writes the long names to a <c>&lt;layer&gt;.fields.json</c> sidecar that import reads back; text is cut to 254 bytes
/// at character boundaries.
/// </remarks>
public static class ShapefileZip
{
    /// <summary>Reads the (single, or named) shapefile in a zip archive.</summary>
    /// <exception cref="FeatureImportException">Unreadable archive or shapefile, missing part, unknown CRS, garbled text.</exception>
    public static FeatureLayer Import(Stream zip, ShapefileImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(zip);
        options ??= new ShapefileImportOptions();
        var parts = ZipParts.Read(zip, options.LayerName, options.MaxUncompressedBytes);
        var dbf = parts["dbf"] ?? throw new FeatureImportException(
            $"The shapefile '{parts.Name}' has no .dbf part.", $"shapefile“{parts.Name}”缺少 .dbf 文件。");
        var source = ImportCrs.FromPrj(parts["prj"], options.SourceCrs, parts.Name);

        var text = DbfText.Extract(dbf);
        var cpg = parts["cpg"] is { } c ? Encoding.UTF8.GetString(c).Trim('\uFEFF', ' ', '\r', '\n', '\t') : null;
        var declared = string.IsNullOrEmpty(cpg) ? DbfText.LanguageDriver(dbf) == DbfText.GbkLanguageDriver ? "936" : null : cpg;
        var declaredBy = string.IsNullOrEmpty(cpg) ? "dBase language driver" : ".cpg";
        var (encoding, how) = AttributeEncodings.Choose(options.Encoding, declared, declaredBy, text);
        AttributeEncodings.RequireDecodable(encoding, how, text, $"{parts.Name}.dbf");

        var longNames = ShapefileFieldNames.Read(parts[ShapefileFieldNames.SidecarExtension]);
        var features = new List<FeatureRecord>();
        var transformation = CoordinateTransformer.Create(source.Code, StorageCrs.Code);
        var shp = parts["shp"]!;
        ShapefileDamage.Check(parts.Name, shp, dbf);
        var record = 0;
        try
        {
            using var reader = Shapefile.OpenRead(new MemoryStream(shp), new MemoryStream(dbf),
                new ShapefileReaderOptions { Encoding = encoding, Factory = StorageCrs.Factory });
            while (reader.Read(out var deleted, out var feature))
            {
                record++;
                if (deleted)
                {
                    continue;
                }

                var attributes = ShapefileFieldNames.Restore(
                    ImportedAttributes.From(feature.Attributes, $"{parts.Name}.dbf", AttributeEncodings.DisplayName(encoding)), longNames);
                var geometry = ImportedGeometry.ToStorage(feature.Geometry, transformation, features.Count);
                features.Add(new FeatureRecord(geometry, attributes));
            }
        }
        catch (Exception ex) when (ex is not FeatureImportException and not OutOfMemoryException)
        {
            // The lengths were sound, so a record's content itself is bad; the library's message is no use to a user.
            throw ShapefileDamage.Damaged($"{parts.Name}.shp", record + 1, ex);
        }

        return new FeatureLayer(parts.Name, features)
        {
            SourceCrs = source.Code,
            SourceEncoding = $"{AttributeEncodings.DisplayName(encoding)} ({how})",
        };
    }

    /// <summary>Writes the layer (EPSG:4490) as a zipped shapefile named after <see cref="FeatureLayer.Name"/>.</summary>
    /// <exception cref="ArgumentException">Geometries of more than one shapefile type (points with polygons…).</exception>
    public static void Export(FeatureLayer layer, Stream output, ShapefileExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(output);
        var encoding = (options ?? new ShapefileExportOptions()).Encoding;
        var schema = DbfSchema.For(layer, encoding);
        using MemoryStream shp = new(), shx = new(), dbf = new(), prj = new();
        using (var writer = Shapefile.OpenWrite(shp, shx, dbf, prj, schema.WriterOptions(ShapeTypeOf(layer), Cgcs2000Prj.EsriWkt)))
        {
            foreach (var feature in layer.Features)
            {
                writer.Write(new Feature(feature.Geometry, schema.Row(feature.Attributes)));
            }
        }

        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        var name = string.IsNullOrWhiteSpace(layer.Name)
            ? "layer"
            : string.Concat(layer.Name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '\\' ? '_' : c));
        Add(archive, $"{name}.shp", shp.ToArray());
        Add(archive, $"{name}.shx", shx.ToArray());
        Add(archive, $"{name}.dbf", dbf.ToArray());
        Add(archive, $"{name}.prj", Encoding.ASCII.GetBytes(Cgcs2000Prj.EsriWkt));
        Add(archive, $"{name}.{ShapefileFieldNames.SidecarExtension}", ShapefileFieldNames.Sidecar(schema.Names));
        Add(archive, $"{name}.cpg", Encoding.ASCII.GetBytes(encoding.CodePage == 65001 ? "UTF-8" : encoding.CodePage.ToString(
            System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static ShapeType ShapeTypeOf(FeatureLayer layer)
    {
        var types = layer.Features.Select(f => Shapefile.GetShapeType(f.Geometry)).Distinct().ToArray();
        if (types.Length == 2 && types.Contains(ShapeType.Point) && types.Contains(ShapeType.MultiPoint))
        {
            return ShapeType.MultiPoint;
        }

        return types.Length switch
        {
            0 => ShapeType.Polygon,
            1 => types[0],
            _ => throw new ArgumentException(
                $"A shapefile holds one geometry type; the layer mixes {string.Join(", ", types)}.", nameof(layer)),
        };
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }
}
