namespace Platform.Spatial.Tests;

/// <summary>
/// The encoded polyline at six decimals. Reference: the example of Google's format description, (38.5, −120.2),
/// (40.7, −120.95), (43.252, −126.453) → <c>_p~iF~ps|U_ulLnnqC_mqNvxq`@</c> at five decimals; the same integers at
/// six decimals are those points divided by ten.
/// </summary>
public sealed class EncodedPolylineTests
{
    [Fact]
    public void Encode_WritesTheFormatsOwnExample()
    {
        Assert.Equal("_p~iF~ps|U_ulLnnqC_mqNvxq`@", EncodedPolyline.Encode([(-12.02, 3.85), (-12.095, 4.07), (-12.6453, 4.3252)]));
    }

    [Fact]
    public void Decode_GivesBackThePointsToSixDecimals()
    {
        (double Lon, double Lat)[] route = [(104.0712345, 30.4012345), (104.075, 30.4), (104.0749999, 30.3987654)];

        Assert.True(EncodedPolyline.TryDecode(EncodedPolyline.Encode(route), 10, out var back));
        Assert.Equal(3, back.Count);
        foreach (var (a, b) in route.Zip(back))
        {
            Assert.Equal(Math.Round(a.Lon, 6), b.Lon, 1e-9);
            Assert.Equal(Math.Round(a.Lat, 6), b.Lat, 1e-9);
        }
    }

    [Theory]
    [InlineData("  ")] // characters below '?'
    [InlineData("_p~iF")] // a latitude without its longitude
    public void Decode_OfSomethingElse_IsFalse(string text) => Assert.False(EncodedPolyline.TryDecode(text, 10, out _));

    [Fact]
    public void Decode_OfALatitudeBeyondThePole_IsFalse() => Assert.False(EncodedPolyline.TryDecode(EncodedPolyline.Encode([(104.0, 95.0)]), 10, out _));

    [Fact]
    public void Decode_OfMorePointsThanAllowed_IsFalse() =>
        Assert.False(EncodedPolyline.TryDecode(EncodedPolyline.Encode([(104.0, 30.0), (104.1, 30.1), (104.2, 30.2)]), 2, out _));
}
