namespace Platform.Plugins.Vitality.Time;

/// <summary>
/// The wall clock of the venues: Asia/Shanghai (UTC+8 all year, no daylight saving since 1991). Opening hours, the
/// calendar feeds and the pages read times on it, whatever offset a request gave them in.
/// </summary>
public static class ShanghaiTime
{
    public const string ZoneId = "Asia/Shanghai";

    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>The same instant as seen on the Shanghai wall clock (offset +08:00).</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Shanghai calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The instant at <paramref name="time"/> on <paramref name="date"/>, Shanghai wall clock.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), Zone.GetUtcOffset(date.ToDateTime(time)));

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            // A system without the tz database: China's offset has been fixed at +8 since 1991.
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(8), "China Standard Time", "CST");
        }
    }
}
