using Platform.Abstractions.Security;

namespace Platform.Campaigns.Passes;

/// <summary>An entrance of a compound or commercial building, with its pass when one is issued (the scan URL and posters then).</summary>
public sealed record EntranceView(Guid Id, Guid CompoundId, string Compound, string CompoundKind, string? Community, string? CommunityCode, string Name,
    double[] Location, bool Issued, string? ScanUrl, string? PosterPng, string? PosterPdf, DateTimeOffset? IssuedAt);

/// <summary>What the public scan page shows: the place and the categories, nothing about anyone who entered.</summary>
public sealed record ScanView(string Compound, string Entrance, List<PassCategory> Categories, int RetentionDays);

/// <summary>A pass number checked at a gate: its category and where and when it was registered, no person.</summary>
public sealed record PassCheck(string PassNo, string Category, string CategoryZh, string Colour, string Compound, string Entrance, DateOnly Day, bool Today);

/// <summary>An entry as staff see it; name and phone only for staff of the compound's community.</summary>
public sealed record EntryView(Guid Id, string Category, string PassNo, DateTimeOffset At, [property: PersonalData] string? Name, [property: PersonalData] string? Phone);

/// <summary>Entries at one entrance on one day, per category.</summary>
public sealed record EntranceDayCountView(Guid EntranceId, string Compound, string Entrance, DateOnly Day, string Category, int Count);

/// <summary>Compounds that have at least one entrance registered, of all compounds: the share behind "均已标注出入口".</summary>
public sealed record EntranceCoverage(int Compounds, int WithEntrances, int Entrances, int PassesIssued, double Share, string Percent, List<string> WithoutEntrancesZh);
