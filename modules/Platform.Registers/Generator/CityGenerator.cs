using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Registers;
using Platform.Registers.Compounds;
using Platform.Spatial;

namespace Platform.Registers.Generator;

/// <summary>
/// A synthetic city of the given <see cref="CityScale"/>, the same for the same seed: communities (polygons),
/// compounds (polygons), their buildings (footprints) and facilities (points), in EPSG:4490 around 104.07°E 30.40°N.
/// </summary>
/// <remarks>
/// Laid out in metres in the Gauss–Krüger zone EPSG:4544 and converted through the spatial layer. Compounds sit in a
/// grid of 200 m cells (a square of 130–150 m in each, so no two overlap and every road gap is at least 50 m wide);
/// communities are rectangles of whole cells and streets runs of communities, so every compound lies in exactly one
/// community. Buildings are spread over the compounds as evenly as the count allows, in rows inside their compound.
/// Coordinates are rounded to 1e-7° (about 1 cm). <see cref="CityDataSet.Sha256"/> hashes every coordinate and
/// attribute in order, so two runs with one seed can be compared without writing files.
/// </remarks>
internal static class CityGenerator
{
    private const double Cell = 200;
    private const string Metric = "EPSG:4544";

    /// <summary>Generates the city; <paramref name="progress"/> hears (layer, done, total) every 10 000 features and at each layer's end.</summary>
    public static CityDataSet Generate(CityScale scale, int seed, Action<string, int, int>? progress = null)
    {
        if (scale.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(scale));
        var random = new Random(seed);
        var toStorage = CoordinateTransformer.Create(Metric, StorageCrs.Code);
        var centre = CoordinateTransformer.Create(StorageCrs.Code, Metric).Transform(104.07, 30.40);
        var columns = (int)Math.Ceiling(Math.Sqrt(scale.Compounds));
        var rows = (scale.Compounds + columns - 1) / columns;
        var (x0, y0) = (Math.Round(centre.X - columns * Cell / 2), Math.Round(centre.Y - rows * Cell / 2));
        var communityColumns = LargestDivisorUpToRoot(scale.Communities);
        var communityRows = scale.Communities / communityColumns;
        Geometry Box(double left, double bottom, double right, double top) =>
            Polygon(toStorage, [(left, bottom), (right, bottom), (right, top), (left, top), (left, bottom)]);

        var communities = new List<FeatureRecord>(scale.Communities);
        for (var r = 0; r < communityRows; r++)
            for (var c = 0; c < communityColumns; c++)
            {
                var index = r * communityColumns + c;
                var (left, right) = (Split(c, columns, communityColumns), Split(c + 1, columns, communityColumns));
                var (bottom, top) = (Split(r, rows, communityRows), Split(r + 1, rows, communityRows));
                var street = (int)((long)index * scale.Streets / scale.Communities);
                communities.Add(new FeatureRecord(Box(x0 + left * Cell, y0 + bottom * Cell, x0 + right * Cell, y0 + top * Cell), new Dictionary<string, object?>
                {
                    ["code"] = CommunityCode(index), ["name"] = $"生成社区{index + 1:D3}", ["street"] = $"S{street + 1:D2}", ["streetName"] = $"生成街道{street + 1:D2}",
                }));
            }
        progress?.Invoke("communities", communities.Count, scale.Communities);

        var kinds = CompoundKinds.All.Keys.Order(StringComparer.Ordinal).ToArray();
        var compounds = new List<FeatureRecord>(scale.Compounds);
        var buildings = new List<FeatureRecord>(scale.Buildings);
        var (each, extra) = (scale.Buildings / scale.Compounds, scale.Buildings % scale.Compounds);
        for (var i = 0; i < scale.Compounds; i++)
        {
            var (gx, gy) = (i % columns, i / columns);
            var community = (gy * communityRows / rows) * communityColumns + gx * communityColumns / columns;
            var side = 130 + random.Next(21);
            var slack = (int)Cell - 50 - side;
            var left = x0 + gx * Cell + 25 + random.Next(slack + 1);
            var bottom = y0 + gy * Cell + 25 + random.Next(slack + 1);
            var count = each + (i < extra ? 1 : 0);
            var perRow = (int)Math.Ceiling(Math.Sqrt(count));
            var buildingRows = (count + perRow - 1) / perRow;
            var (slotW, slotH) = ((side - 10.0) / perRow, (side - 10.0) / buildingRows);
            var households = 0;
            for (var b = 0; b < count; b++)
            {
                var (w, h) = (Math.Min(slotW * 0.7, 12 + random.Next(19)), Math.Min(slotH * 0.6, 10 + random.Next(7)));
                var cx = left + 5 + (b % perRow + 0.5) * slotW;
                var cy = bottom + 5 + (b / perRow + 0.5) * slotH;
                var floors = 6 + random.Next(28);
                var homes = floors * (2 + random.Next(3));
                households += homes;
                buildings.Add(new FeatureRecord(Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), new Dictionary<string, object?>
                {
                    ["compound"] = (long)i, ["name"] = $"{b + 1}栋", ["floors"] = (long)floors, ["households"] = (long)homes,
                }));
                if (buildings.Count % 10_000 == 0)
                    progress?.Invoke("buildings", buildings.Count, scale.Buildings);
            }
            compounds.Add(new FeatureRecord(Box(left, bottom, left + side, bottom + side), new Dictionary<string, object?>
            {
                ["compound"] = (long)i, ["name"] = $"生成小区{i + 1:D6}", ["kind"] = kinds[random.Next(kinds.Length)], ["households"] = (long)households,
                ["community"] = CommunityCode(community),
            }));
            if (compounds.Count % 10_000 == 0)
                progress?.Invoke("compounds", compounds.Count, scale.Compounds);
        }
        progress?.Invoke("compounds", compounds.Count, scale.Compounds);
        progress?.Invoke("buildings", buildings.Count, scale.Buildings);

        var categories = FacilityCategories.All;
        var facilities = new List<FeatureRecord>(scale.Facilities);
        for (var f = 0; f < scale.Facilities; f++)
        {
            var category = categories[random.Next(categories.Count)];
            var (x, y) = toStorage.Transform(x0 + random.NextDouble() * columns * Cell, y0 + random.NextDouble() * rows * Cell);
            facilities.Add(new FeatureRecord(StorageCrs.Factory.CreatePoint(new Coordinate(Round(x), Round(y))), new Dictionary<string, object?>
            {
                ["name"] = $"{category.NameZh}{f + 1:D4}", ["category"] = category.Code,
            }));
        }
        progress?.Invoke("facilities", facilities.Count, scale.Facilities);

        var layers = new[]
        {
            new FeatureLayer("communities", communities), new FeatureLayer("compounds", compounds),
            new FeatureLayer("buildings", buildings), new FeatureLayer("facilities", facilities),
        };
        return new CityDataSet(scale, seed, layers, Hash(layers));
    }

    public static string CommunityCode(int index) => $"C{index + 1:D3}";

    private static Polygon Polygon(CrsTransformation toStorage, (double X, double Y)[] metres)
    {
        var degrees = new (double X, double Y)[metres.Length];
        toStorage.Transform(metres, degrees);
        return StorageCrs.Factory.CreatePolygon(degrees.Select(d => new Coordinate(Round(d.X), Round(d.Y))).ToArray());
    }

    private static double Round(double degrees) => Math.Round(degrees, 7);

    // Cell boundaries of the k-th of n parts of a run of cells: the parts differ by at most one cell.
    private static int Split(int k, int cells, int parts) => (int)Math.Ceiling((double)k * cells / parts);

    private static int LargestDivisorUpToRoot(int n)
    {
        for (var d = (int)Math.Sqrt(n); d > 1; d--)
            if (n % d == 0)
                return d;
        return 1;
    }

    private static string Hash(IEnumerable<FeatureLayer> layers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[8];
        foreach (var layer in layers)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(layer.Name));
            foreach (var feature in layer.Features)
            {
                foreach (var c in feature.Geometry.Coordinates)
                {
                    BitConverter.TryWriteBytes(number, c.X);
                    hash.AppendData(number);
                    BitConverter.TryWriteBytes(number, c.Y);
                    hash.AppendData(number);
                }
                foreach (var (key, value) in feature.Attributes)
                    hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}={value};")));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>A generated city: its scale and seed, the four layers (communities, compounds, buildings, facilities) and their hash.</summary>
internal sealed record CityDataSet(CityScale Scale, int Seed, IReadOnlyList<FeatureLayer> Layers, string Sha256)
{
    public FeatureLayer Layer(string name) => Layers.Single(l => l.Name == name);
}
