namespace Platform.Registers.Compounds;

/// <summary>Kinds of residential compound, with their Chinese names.</summary>
internal static class CompoundKinds
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> All = new Dictionary<string, (string, string)>
    {
        ["commercial"] = ("商品房小区", "Commercial housing"),
        ["resettlement"] = ("安置小区", "Resettlement compound"),
        ["talent"] = ("人才公寓", "Talent apartments"),
        ["village"] = ("农村聚居点", "Village settlement"),
    };
}
