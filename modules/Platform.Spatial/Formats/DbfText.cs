namespace Platform.Spatial;

/// <summary>The text-bearing bytes of a dBase file: field names from the header, and the records.</summary>
internal static class DbfText
{
    public const byte GbkLanguageDriver = 0x4D;

    public static byte LanguageDriver(byte[] dbf) => dbf.Length > 29 ? dbf[29] : (byte)0;

    public static byte[] Extract(byte[] dbf)
    {
        if (dbf.Length < 32)
        {
            return [];
        }

        var headerLength = Math.Min(dbf[8] | (dbf[9] << 8), dbf.Length);
        var text = new List<byte>(dbf.Length);
        for (var d = 32; d + 32 <= headerLength && dbf[d] != 0x0D; d += 32)
        {
            for (var i = 0; i < 11 && dbf[d + i] != 0; i++)
            {
                text.Add(dbf[d + i]);
            }

            text.Add((byte)' ');
        }

        var end = dbf.Length > headerLength && dbf[^1] == 0x1A ? dbf.Length - 1 : dbf.Length;
        text.AddRange(dbf.AsSpan(headerLength, end - headerLength));
        return [.. text];
    }
}
