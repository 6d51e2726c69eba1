using System.IO.Compression;
using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>A small layer of communities with Chinese attributes, and helpers to move files in and out of zips.</summary>
internal static class LayerSamples
{
    public static readonly (string Name, long Population, double[] Ring)[] Communities =
    [
        ("兴隆街道", 12345, [104.06, 30.39, 104.08, 30.39, 104.08, 30.41, 104.06, 30.39]),
        ("天府新区·回龙社区", 7, [104.07, 30.40, 104.0912345678, 30.40, 104.09, 30.4234567891, 104.07, 30.40]),
        ("保水村（一组）", 0, [104.1, 30.35, 104.11, 30.35, 104.11, 30.36, 104.1, 30.36, 104.1, 30.35]),
    ];

    public static FeatureLayer Layer(string name = "社区") => new(name, Communities.Select((c, i) =>
        new FeatureRecord(Polygon(c.Ring), new Dictionary<string, object?>
        {
            ["名称"] = c.Name,
            ["人口"] = c.Population,
            ["面积"] = 1.5 + i,
            ["有效"] = i != 1,
            ["成立日期"] = new DateOnly(2020 + i, 7, 1),
            ["备注"] = i == 2 ? null : "老旧小区改造",
        })).ToArray());

    public static Polygon Polygon(double[] ring) => StorageCrs.Factory.CreatePolygon(
        Enumerable.Range(0, ring.Length / 2).Select(i => new Coordinate(ring[2 * i], ring[2 * i + 1])).ToArray());

    public static string GeoJson() => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "FeatureCollection",
        features = Communities.Select(c => new
        {
            type = "Feature",
            properties = new Dictionary<string, object> { ["名称"] = c.Name, ["人口"] = c.Population },
            geometry = new
            {
                type = "Polygon",
                coordinates = new[] { Enumerable.Range(0, c.Ring.Length / 2).Select(i => new[] { c.Ring[2 * i], c.Ring[2 * i + 1] }) },
            },
        }),
    }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Zips every file of <paramref name="folder"/> whose name starts with <paramref name="stem"/>.</summary>
    public static MemoryStream Zip(string folder, string stem, Func<string, byte[], byte[]?>? edit = null)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(folder, stem + ".*"))
            {
                var content = File.ReadAllBytes(file);
                var name = Path.GetFileName(file);
                var edited = edit is null ? content : edit(name, content);
                if (edited is not null)
                {
                    using var entry = archive.CreateEntry(name).Open();
                    entry.Write(edited);
                }
            }
        }

        zip.Position = 0;
        return zip;
    }

    public static void AssertSameCommunities(FeatureLayer layer, double tolerance)
    {
        Assert.Equal(Communities.Length, layer.Features.Count);
        for (var i = 0; i < Communities.Length; i++)
        {
            var feature = layer.Features[i];
            Assert.Equal(Communities[i].Name, feature.Attributes["名称"]);
            Assert.Equal(Communities[i].Population, Convert.ToInt64(feature.Attributes["人口"]));
            // Shapefiles keep outer rings clockwise: compare normalised rings.
            var expectedPolygon = Polygon(Communities[i].Ring);
            expectedPolygon.Normalize();
            var actualPolygon = feature.Geometry.Copy();
            actualPolygon.Normalize();
            var (expected, actual) = (expectedPolygon.Coordinates, actualPolygon.Coordinates);
            Assert.Equal(expected.Length, actual.Length);
            for (var k = 0; k < expected.Length; k++)
            {
                Assert.True(Math.Abs(expected[k].X - actual[k].X) <= tolerance && Math.Abs(expected[k].Y - actual[k].Y) <= tolerance,
                    $"feature {i} vertex {k}: expected {expected[k]}, got {actual[k]}");
            }

            Assert.Equal(4490, feature.Geometry.SRID);
        }
    }
}
