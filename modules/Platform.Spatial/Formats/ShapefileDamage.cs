using System.Buffers.Binary;

namespace Platform.Spatial;

/// <summary>
/// Finds where a shapefile's <c>.shp</c> or <c>.dbf</c> part is cut short or damaged, from the lengths their headers
/// declare (ESRI Shapefile Technical Description, 1998; dBase III header), so that a broken upload is refused with the
/// part and the record named instead of the reader library's internals.
/// </summary>
internal static class ShapefileDamage
{
    /// <summary>Throws <see cref="FeatureImportException"/> naming the part and the record when either part is cut short or damaged.</summary>
    public static void Check(string name, byte[] shp, byte[] dbf)
    {
        if (ShpProblem(shp) is { } shpAt)
            throw Damaged($"{name}.shp", shpAt);
        if (DbfProblem(dbf) is { } dbfAt)
            throw Damaged($"{name}.dbf", dbfAt);
    }

    /// <summary>The error for a part damaged at <paramref name="where"/> (a record number, or 0 for the header).</summary>
    public static FeatureImportException Damaged(string file, int where, Exception? inner = null) => where == 0
        ? new FeatureImportException($"{file} is truncated or damaged (file header).", $"文件 {file} 已截断或损坏（文件头）。", inner)
        : new FeatureImportException($"{file} is truncated or damaged (record {where}).", $"文件 {file} 已截断或损坏（第 {where} 条记录）。", inner);

    // The main file: a 100-byte header (file code 9994, big-endian length in 16-bit words at byte 24), then records of
    // an 8-byte header (number, content length in words, both big-endian) and the content.
    private static int? ShpProblem(byte[] shp)
    {
        if (shp.Length < 100 || BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan(0, 4)) != 9994)
            return 0;
        var offset = 100L;
        var record = 0;
        while (offset < shp.Length)
        {
            record++;
            if (offset + 8 > shp.Length)
                return record;
            var words = BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan((int)offset + 4, 4));
            if (words < 2 || offset + 8 + 2L * words > shp.Length)
                return record;
            offset += 8 + 2L * words;
        }
        var declared = 2L * BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan(24, 4));
        return declared > shp.Length ? record + 1 : null;
    }

    // The table: record count (little-endian, byte 4), header length (byte 8) and record length (byte 10).
    private static int? DbfProblem(byte[] dbf)
    {
        if (dbf.Length < 32)
            return 0;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(dbf.AsSpan(4, 4));
        var header = BinaryPrimitives.ReadUInt16LittleEndian(dbf.AsSpan(8, 2));
        var length = BinaryPrimitives.ReadUInt16LittleEndian(dbf.AsSpan(10, 2));
        if (header < 33 || header > dbf.Length || length == 0)
            return 0;
        var complete = (dbf.Length - header) / length;
        return complete < count ? (int)complete + 1 : null;
    }
}
