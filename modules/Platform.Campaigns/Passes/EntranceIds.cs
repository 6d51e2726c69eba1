using System.Security.Cryptography;
using System.Text;

namespace Platform.Campaigns.Passes;

/// <summary>
/// Entrance ids: the registers keep a compound's entrances as points without ids, so an entrance is named by its compound
/// and its place in the compound's list — the same id on every read, as long as the list is not redrawn.
/// </summary>
internal static class EntranceIds
{
    public static Guid Of(Guid compoundId, int index)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes($"campaigns.entrance:{compoundId:N}:{index}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30); // version 3 (name-based, MD5)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }

    /// <summary>The entrance's name as printed: 1号出入口, 2号出入口, …</summary>
    public static string NameOf(int index) => $"{index + 1}号出入口";
}
