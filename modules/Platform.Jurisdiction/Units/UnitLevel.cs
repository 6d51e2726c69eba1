namespace Platform.Jurisdiction.Units;

/// <summary>The levels of administrative units. Communities and villages share a tier.</summary>
internal enum UnitLevel
{
    /// <summary>街道</summary>
    Street,

    /// <summary>社区</summary>
    Community,

    /// <summary>村</summary>
    Village,

    /// <summary>村(居)民小组</summary>
    Group,
}

/// <summary>Tiers: units of one tier must not overlap.</summary>
internal static class UnitLevels
{
    public static int Tier(this UnitLevel level) => level switch
    {
        UnitLevel.Street => 0,
        UnitLevel.Community or UnitLevel.Village => 1,
        _ => 2,
    };

    public static string NameZh(this UnitLevel level) => level switch
    {
        UnitLevel.Street => "街道",
        UnitLevel.Community => "社区",
        UnitLevel.Village => "村",
        _ => "村(居)民小组",
    };

    public static bool TryParse(string? text, out UnitLevel level) =>
        Enum.TryParse(text, ignoreCase: true, out level) && Enum.IsDefined(level);
}
