using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>Converts an imported geometry to the storage CRS.</summary>
internal static class ImportedGeometry
{
    public static Geometry ToStorage(Geometry? geometry, CrsTransformation transformation, int featureIndex)
    {
        if (geometry is null)
        {
            return StorageCrs.Factory.CreateGeometryCollection();
        }

        // Shapefiles store every polygon as multi-part; one part is a plain polygon, as GDAL reports it.
        if (geometry is GeometryCollection { NumGeometries: 1 } single and (MultiPolygon or MultiLineString or MultiPoint))
        {
            geometry = single.GetGeometryN(0);
        }

        try
        {
            var result = transformation.Source.Kind == CrsKind.Geographic
                ? StorageCrs.Factory.CreateGeometry(geometry)
                : transformation.Transform(geometry);
            result.SRID = StorageCrs.Srid;
            return Rfc7946Shape.RingsAsLines(result);
        }
        catch (CoordinateOutOfRangeException ex)
        {
            throw new FeatureImportException(
                $"Feature {featureIndex}: {ex.Message} (source CRS {transformation.Source.Code}).",
                $"第 {featureIndex} 个要素的坐标超出 {transformation.Source.Code} 的有效范围：{ex.Reason}", ex);
        }
    }
}
