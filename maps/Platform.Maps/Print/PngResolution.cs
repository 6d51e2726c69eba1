using System.Buffers.Binary;
using System.Text;

namespace Platform.Maps.Print;

/// <summary>
/// Records the dpi in a PNG (a <c>pHYs</c> chunk, pixels per metre), so Word and print dialogs place the image at its
/// paper size instead of assuming 96 dpi.
/// </summary>
internal static class PngResolution
{
    private const int SignatureAndHeader = 8 + 4 + 4 + 13 + 4; // signature, then IHDR: length, type, 13 bytes, CRC

    public static byte[] Write(byte[] png, float dpi)
    {
        if (png.Length < SignatureAndHeader || Encoding.ASCII.GetString(png, 12, 4) != "IHDR" || Contains(png, "pHYs"))
            return png;
        var perMetre = (uint)Math.Round(dpi / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        Encoding.ASCII.GetBytes("pHYs", chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), perMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), perMetre);
        chunk[16] = 1; // unit: metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), Crc32(chunk.AsSpan(4, 13)));
        return [.. png.AsSpan(0, SignatureAndHeader), .. chunk, .. png.AsSpan(SignatureAndHeader)];
    }

    private static bool Contains(byte[] png, string type)
    {
        for (var at = 8; at + 8 <= png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var name = Encoding.ASCII.GetString(png, at + 4, 4);
            if (name == type)
                return true;
            if (name == "IDAT")
                return false;
            at += 12 + length;
        }
        return false;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
