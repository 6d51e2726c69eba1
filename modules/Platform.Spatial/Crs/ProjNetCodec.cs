using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Platform.Spatial;

/// <summary>A projected CRS carried out by ProjNET: forward from the geographic base, inverse back to it.</summary>
internal sealed class ProjNetCodec : ICoordinateCodec
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    public ProjNetCodec(GeographicCoordinateSystem baseCrs, ProjectedCoordinateSystem projected)
    {
        var factory = new CoordinateTransformationFactory();
        _forward = factory.CreateFromCoordinateSystems(baseCrs, projected).MathTransform;
        _inverse = factory.CreateFromCoordinateSystems(projected, baseCrs).MathTransform;
    }

    public (double Lon, double Lat) ToGeographic(double x, double y) => _inverse.Transform(x, y);

    public (double X, double Y) FromGeographic(double lon, double lat) => _forward.Transform(lon, lat);
}
