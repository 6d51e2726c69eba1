using NetTopologySuite.Geometries;
using Platform.Registers.Generator;
using Platform.Spatial;

namespace Platform.Host.Tests.Registers;

public sealed class CityGeneratorTests
{
    private static readonly CityScale Small = new(2, 6, 60, 420, 25);

    [Fact]
    public void TheSameSeed_GivesTheSameCity_AndAnotherSeedAnother()
    {
        var a = CityGenerator.Generate(Small, 23);
        var b = CityGenerator.Generate(Small, 23);
        var c = CityGenerator.Generate(Small, 24);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, c.Sha256);
    }

    [Fact]
    public void TheCity_HasTheCountsAsked_EveryBuildingInItsCompound_AndNoCompoundsOverlapping()
    {
        var city = CityGenerator.Generate(Small, 23);
        Assert.Equal([6, 60, 420, 25], city.Layers.Select(l => l.Features.Count));
        var compounds = city.Layer("compounds").Features.ToDictionary(f => (long)f.Attributes["compound"]!, f => f.Geometry);
        Assert.All(city.Layer("buildings").Features, b => Assert.True(compounds[(long)b.Attributes["compound"]!].Contains(b.Geometry)));
        var communities = city.Layer("communities").Features.ToDictionary(f => (string)f.Attributes["code"]!, f => f.Geometry);
        Assert.All(city.Layer("compounds").Features, c => Assert.True(communities[(string)c.Attributes["community"]!].Contains(c.Geometry)));
        var outlines = compounds.Values.ToList();
        for (var i = 0; i < outlines.Count; i++)
            for (var j = i + 1; j < outlines.Count; j++)
                Assert.False(outlines[i].Intersects(outlines[j]), $"compounds {i} and {j} touch");
        var area = GeometryMeasurement.AreaSquareMetres(compounds[0]);
        Assert.InRange(area, 130 * 130 * 0.99, 150 * 150 * 1.01);
    }

    [Fact]
    public void TheDistrict_IsTheScaleOfIssue23()
    {
        Assert.Equal(new CityScale(20, 300, 100_000, 1_000_000, 5_000), CityScale.Parse("district"));
        Assert.Null(CityScale.Parse("town"));
    }
}
