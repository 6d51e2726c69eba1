using Platform.Abstractions.Commands;

namespace Platform.Plugins.Example.Places;

/// <summary>A place has a name of at most <see cref="MaxNameLength"/> characters and lies in China (EPSG:4490).</summary>
public static class PlaceIsNamedAndInChinaRule
{
    public const int MaxNameLength = 100;

    /// <summary>Null when the place is acceptable, else the rejection naming the field at fault.</summary>
    public static Rejection? Check(string? name, double? lon, double? lat) =>
        string.IsNullOrWhiteSpace(name) ? new Rejection(400, "name", "'name' is required.", "缺少“名称”。")
        : name.Trim().Length > MaxNameLength ? new Rejection(400, "name", $"The name is longer than {MaxNameLength} characters.", $"名称超过 {MaxNameLength} 个字符。")
        : lon is not { } x || !double.IsFinite(x) || x is < 73 or > 136 ? new Rejection(400, "lon", "'lon' is a longitude in China (73–136°E, EPSG:4490).", "经度须在东经 73–136° 之间。")
        : lat is not { } y || !double.IsFinite(y) || y is < 3 or > 54 ? new Rejection(400, "lat", "'lat' is a latitude in China (3–54°N, EPSG:4490).", "纬度须在北纬 3–54° 之间。")
        : null;
}
