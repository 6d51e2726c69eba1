namespace Platform.Plugins.Ecological.Tests;

/// <summary>
/// Grid subdivision of rectangles drawn in the Gauss–Krüger plane (EPSG:4544) whose corners were converted to
/// EPSG:4490 by PROJ, not by the platform:
/// <c>echo "3361000 410000" | cs2cs -f %.12f EPSG:4544 EPSG:4490</c> (EPSG:4544 takes northing first, 4490 answers lat first).
/// Expected counts and areas are worked out by hand in each test.
/// </summary>
[Collection(EcoCollection.Name)]
public sealed class GridSubdivisionTests(EcoHost host)
{
    // 60 m × 40 m: E 410000–410060, N 3361000–3361040.
    private static readonly object Rectangle60By40 = Eco.Polygon(
        (104.063795841510, 30.365474600569), (104.064419907737, 30.365479069452),
        (104.064416473155, 30.365839841079), (104.063792404637, 30.365835372131));

    // 63 m × 41 m: E 410000–410063, N 3361000–3361041.
    private static readonly object Rectangle63By41 = Eco.Polygon(
        (104.063795841510, 30.365474600569), (104.064451111052, 30.365479292818),
        (104.064447590722, 30.365849083738), (104.063792318715, 30.365844391420));

    [Fact]
    public async Task Grid_OfAnAlignedRectangle_HasWholePlotsOnly()
    {
        var admin = await host.As("admin");
        // Plots of 16 m² are 4 m squares; with 1 m paths they repeat every 5 m from the south-west corner.
        // Across 60 m: squares at 0–4, 5–9, …, 55–59 → 12 (the 13th would start on the edge at 60).
        // Up 40 m: 0–4, …, 35–39 → 8. So 12 × 8 = 96 plots of 16 m² = 1 536 m²; the site is 2 400 m².
        var garden = await admin.GardenAsync(Rectangle60By40, target: 16, path: 1);
        Assert.Equal(2400, garden.GetProperty("areaSquareMetres").GetDouble(), 2400 * 0.001);
        Assert.Equal(96, garden.GetProperty("plots").GetInt32());
        Assert.Equal(1536, garden.GetProperty("plotSquareMetres").GetDouble(), 1536 * 0.001);

        var plots = await admin.PlotsAsync(garden.GetProperty("id").GetGuid());
        Assert.Equal(96, plots.Count);
        Assert.All(plots, p => Assert.Equal(16, p.GetProperty("properties").GetProperty("areaSquareMetres").GetDouble(), 16 * 0.001));
        Assert.All(plots, p => Assert.Equal("free", p.GetProperty("properties").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Grid_OfARectangleWithRemainders_KeepsPiecesOfAtLeastHalfAPlot()
    {
        var admin = await host.As("admin");
        // Across 63 m: 12 whole columns (to 59 m) and a 13th from 60 to 63 m, clipped to 3 m.
        // Up 41 m: 8 whole rows (to 39 m) and a 9th from 40 to 41 m, clipped to 1 m.
        // Kept (≥ half of 16 m² = 8 m²): 96 whole squares and the 8 pieces of 3 × 4 = 12 m² in the last column.
        // Dropped: the top row's 1 × 4 = 4 m² and the corner's 3 × 1 = 3 m² pieces.
        // So 104 plots, 96 × 16 + 8 × 12 = 1 632 m², on a site of 63 × 41 = 2 583 m².
        var garden = await admin.GardenAsync(Rectangle63By41, target: 16, path: 1);
        Assert.Equal(2583, garden.GetProperty("areaSquareMetres").GetDouble(), 2583 * 0.001);
        Assert.Equal(104, garden.GetProperty("plots").GetInt32());
        Assert.Equal(1632, garden.GetProperty("plotSquareMetres").GetDouble(), 1632 * 0.001);

        var areas = (await admin.PlotsAsync(garden.GetProperty("id").GetGuid()))
            .Select(p => p.GetProperty("properties").GetProperty("areaSquareMetres").GetDouble()).ToList();
        Assert.Equal(96, areas.Count(a => Math.Abs(a - 16) < 0.016));
        Assert.Equal(8, areas.Count(a => Math.Abs(a - 12) < 0.012));
        Assert.Equal(1632, areas.Sum(), 1632 * 0.001);
    }
}
