using Platform.Abstractions.Security;

namespace Platform.Campaigns.Passes;

/// <summary>
/// One entry registered by a scan: which entrance, which pass category, when, and who (name and phone: personal data, shown
/// only to staff of the compound's community and purged after the retention period by <see cref="EntryRecordPurge"/>).
/// </summary>
/// <remarks>
/// A document, not an event: an entry must be forgotten once the retention period is over, and an event stream cannot
/// forget. What outlives it is <see cref="EntranceDayCount"/>, which holds no person. Written only by the entrance's grain.
/// </remarks>
public sealed class EntryRecord
{
    public Guid Id { get; set; }
    public Guid EntranceId { get; set; }
    public Guid CompoundId { get; set; }
    public string Category { get; set; } = "";
    public string PassNo { get; set; } = "";
    [PersonalData] public string Name { get; set; } = "";
    [PersonalData] public string Phone { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>Entries per entrance, day (China time) and pass category: counts that hold no person and are never purged.</summary>
public sealed class EntranceDayCount
{
    public string Id { get; set; } = "";
    public Guid EntranceId { get; set; }
    public Guid CompoundId { get; set; }
    public DateOnly Day { get; set; }
    public string Category { get; set; } = "";
    public int Count { get; set; }

    public static string IdOf(Guid entrance, DateOnly day, string category) => $"{entrance:N}:{day:yyyy-MM-dd}:{category}";
}
