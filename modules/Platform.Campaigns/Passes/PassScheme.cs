using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Campaigns.Passes;

/// <summary>
/// The two pass categories of the 双色卡 scheme, as the administrators named them (e.g. 绿卡 for residents, 黄卡 for visitors),
/// with their colours (CSS hex). One scheme for the street, kept in the stream <see cref="StreamId"/>.
/// </summary>
public sealed class PassScheme
{
    public static readonly Guid StreamId = new("6c1d2a70-5a55-4c0e-9a11-000000000001");

    public Guid Id { get; set; }
    public List<PassCategory> Categories { get; set; } = [];
    public long Version { get; set; }

    /// <summary>The scheme before administrators name one: green for residents, yellow for visitors.</summary>
    public static IReadOnlyList<PassCategory> Default { get; } =
        [new("green", "绿卡", "本小区居民", "#27ae60"), new("yellow", "黄卡", "临时来访人员", "#f1c40f")];
}

/// <summary>A pass category: its code, name and who it is for (zh), colour as #rrggbb.</summary>
[GenerateSerializer, Immutable]
public sealed record PassCategory([property: Id(0)] string Code, [property: Id(1)] string NameZh, [property: Id(2)] string ForZh, [property: Id(3)] string Colour);

/// <summary>Administrators named the two pass categories.</summary>
internal sealed record PassCategoriesNamed(PassCategory[] Categories);

internal sealed class PassSchemeProjection : SingleStreamProjection<PassScheme, Guid>
{
    public PassSchemeProjection() => IncludeType<PassCategoriesNamed>();

    public override PassScheme Evolve(PassScheme? snapshot, Guid id, IEvent e) => e.Data is PassCategoriesNamed x
        ? new PassScheme { Id = id, Categories = [.. x.Categories], Version = e.Version }
        : snapshot!;
}
