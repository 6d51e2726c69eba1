namespace Platform.Spatial.Tests;

public sealed class TransformRangeTests
{
    [Theory]
    [InlineData("EPSG:4490", "EPSG:4544", 110.0, 30.0, "area of use of EPSG:4544")] // Chongqing east: zone CM 111
    [InlineData("EPSG:4490", "EPSG:4544", 103.4, 30.0, "area of use of EPSG:4544")] // just west of 103.5°E
    [InlineData("EPSG:4490", "EPSG:4544", 30.4, 104.07, "longitude must be in")] // lat/lon swapped
    [InlineData("EPSG:4490", "EPSG:4544", double.NaN, 30.0, "not a finite number")]
    [InlineData("EPSG:4490", "EPSG:3857", 104.07, double.PositiveInfinity, "not a finite number")]
    [InlineData("EPSG:4326", "EPSG:3857", 0.0, 89.0, "area of use of EPSG:3857")]
    [InlineData("EPSG:4544", "EPSG:4490", 35_410_627.9, 3_364_822.8, "check the zone variant")] // prefixed easting in the unprefixed zone
    [InlineData("EPSG:4523", "EPSG:4490", 410_627.9, 3_364_822.8, "check the zone variant")]
    [InlineData("EPSG:4544", "EPSG:4490", 900_000.0, 3_364_822.8, "area of use of EPSG:4544")] // 4°E of the meridian
    [InlineData("GCJ02", "EPSG:4490", 181.0, 30.0, "longitude must be in")]
    public void OutOfRange_ThrowsWithIndexAndReason(string from, string to, double x, double y, string reason)
    {
        var valid = CoordinateTransformer.Transform("EPSG:4490", from, 104.07, 30.40);
        var ex = Assert.Throws<CoordinateOutOfRangeException>(() => CoordinateTransformer.Transform(from, to, [valid, (x, y)]));
        Assert.Equal(1, ex.Index);
        Assert.Contains(reason, ex.Reason);
    }

    [Fact]
    public void UnknownCrs_NamesWhatWasGiven()
    {
        var ex = Assert.Throws<UnknownCrsException>(() => CoordinateTransformer.Transform("EPSG:4490", "EPSG:2383", 104.0, 30.0));
        Assert.Contains("EPSG:2383", ex.Message);
    }

    [Fact]
    public void SpanOverload_WritesIntoDestination()
    {
        (double X, double Y)[] source = [(104.07, 30.40), (104.08, 30.41)];
        var destination = new (double X, double Y)[2];
        CoordinateTransformer.Transform("EPSG:4490", "EPSG:4544", source, destination);
        Assert.Equal(CoordinateTransformer.Transform("EPSG:4490", "EPSG:4544", 104.08, 30.41), destination[1]);
        Assert.InRange(destination[0].X, 410_000, 411_000);
    }
}
