using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Campaigns.Households;

/// <summary>
/// The households of one compound (by building, unit and room) or of one village group (by house number): the register a
/// door-to-door campaign visits. Names, phones and ID numbers are personal data, for staff of the register's community only.
/// </summary>
public sealed class HouseholdRegister : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }

    /// <summary><c>compound</c> or <c>group</c>.</summary>
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The village (or former village) of a group, e.g. 原廖皇寺村; null for compounds.</summary>
    public string? Village { get; set; }
    public Guid? CompoundId { get; set; }
    public string? CommunityCode { get; set; }
    public string? CommunityName { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public List<Household> Households { get; set; } = [];
    public long Version { get; set; }

    public static Guid IdOfCompound(Guid compoundId) => NameBased($"campaigns.households:compound:{compoundId:N}");

    public static Guid IdOfGroup(string village, string group) => NameBased($"campaigns.households:group:{village.Trim()}/{group.Trim()}");

    private static Guid NameBased(string name)
    {
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x30);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}

/// <summary>A household: where it lives in the register (building/unit/room, or the house number in a group) and its head.</summary>
[GenerateSerializer, Immutable]
public sealed record Household(
    [property: PersonalData, Id(0)] Guid Id, [property: Id(1)] string? Building, [property: Id(2)] string? Unit, [property: Id(3)] string Room,
    [property: PersonalData, Id(4)] string Head, [property: PersonalData, Id(5)] string? Phone, [property: PersonalData, Id(6)] string? IdNumber, [property: Id(7)] int Members)
{
    /// <summary>The household's place in its register; two households of one register never share it.</summary>
    public string Key => $"{Building}/{Unit}/{Room}";
}

/// <summary>Households were registered (by an import or by hand) in a compound's or a group's register.</summary>
internal sealed record HouseholdsRegistered(string Kind, string Name, string? Village, Guid? CompoundId, string? CommunityCode, string? CommunityName,
    double Lon, double Lat, Household[] Households);

internal sealed class HouseholdRegisterProjection : SingleStreamProjection<HouseholdRegister, Guid>
{
    public HouseholdRegisterProjection() => IncludeType<HouseholdsRegistered>();

    public override HouseholdRegister Evolve(HouseholdRegister? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not HouseholdsRegistered x)
            return snapshot!;
        var r = snapshot ?? new HouseholdRegister { Id = id };
        (r.Kind, r.Name, r.Village, r.CompoundId, r.CommunityCode, r.CommunityName, r.Lon, r.Lat) = (x.Kind, x.Name, x.Village, x.CompoundId, x.CommunityCode, x.CommunityName, x.Lon, x.Lat);
        r.Households.AddRange(x.Households);
        r.Version = e.Version;
        return r;
    }
}
