namespace Platform.Campaigns.Passes;

/// <summary>Days as the street counts them: China Standard Time (UTC+8, no daylight saving).</summary>
internal static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());
}
