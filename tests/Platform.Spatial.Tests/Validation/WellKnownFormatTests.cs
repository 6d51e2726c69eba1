namespace Platform.Spatial.Tests;

public sealed class WellKnownFormatTests
{
    [Fact]
    public void Wkb_RoundTrips()
    {
        var polygon = WellKnownText.Read("POLYGON ((104.06 30.39, 104.08 30.39, 104.08 30.41, 104.06 30.39))");

        var back = WellKnownBinary.Read(WellKnownBinary.Write(polygon));

        Assert.True(polygon.EqualsExact(back));
        Assert.Equal(4490, back.SRID);
    }

    [Fact]
    public void Wkb_LittleEndianPoint_HasTheIsoLayout()
    {
        var bytes = WellKnownBinary.Write(WellKnownText.Read("POINT (1 2)"));
        Assert.Equal("0101000000000000000000F03F0000000000000040", Convert.ToHexString(bytes));
    }

    [Theory]
    [InlineData("POLYGON ((104 30, 104.1 30, 104.1")]
    [InlineData("CIRCLE (1 2)")]
    public void MalformedWkt_IsAFormatError(string wkt) =>
        Assert.Throws<GeometryFormatException>(() => WellKnownText.Read(wkt));

    [Fact]
    public void UnclosedWktRing_IsAValidationFailure()
    {
        var ex = Assert.Throws<InvalidGeometryException>(() => WellKnownText.Read("POLYGON ((104 30, 104.1 30, 104.1 30.1, 104 30.1))"));
        Assert.Equal(GeometryValidationCodes.RingNotClosed, ex.Result.Code);
    }

    [Fact]
    public void MalformedWkb_IsAFormatError() =>
        Assert.Throws<GeometryFormatException>(() => WellKnownBinary.Read([1, 3, 0, 0, 0, 5]));
}
