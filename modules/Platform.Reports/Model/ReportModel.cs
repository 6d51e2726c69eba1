namespace Platform.Reports.Model;

/// <summary>
/// Everything a report template can print, read from the records of one period. Templates see it as
/// <c>report</c>, with member names in snake_case (<c>report.restructuring.reduction_percent</c>).
/// Documented field by field in <c>docs/reports.md</c>.
/// </summary>
/// <param name="Kind"><c>annual</c>, <c>community</c> or <c>overview</c>.</param>
/// <param name="AsOf">The date the registers are read on: the period's end, or today for a period not yet over.</param>
public sealed record ReportModel(
    string Kind,
    int Year,
    DateOnly From,
    DateOnly To,
    DateOnly AsOf,
    StreetFigures Street,
    CommunityRef? Community,
    RestructuringFigures Restructuring,
    DelegationFigures Delegation,
    HousingFigures Housing,
    FacilityFigures Facilities,
    SiteFigures Sites,
    IReadOnlyList<HubFigures> Hubs,
    PlanningFigures Planning,
    GardenFigures Gardens,
    IReadOnlyList<CommunityFigures> Communities);

/// <summary>The street (街道) and its counts of units on <see cref="ReportModel.AsOf"/>.</summary>
public sealed record StreetFigures(string Name, string Code, int Communities, int Villages, int Groups);

public sealed record CommunityRef(string Code, string Name, string Level, string LevelZh);

/// <summary>
/// 村(社区)建制调整 and 村(居)民小组优化调整 between <see cref="ReportModel.From"/> and <see cref="ReportModel.To"/>,
/// with the same counts and ratios as <c>GET /api/jurisdiction/statistics</c>.
/// </summary>
public sealed record RestructuringFigures(
    UnitCounts Before,
    UnitCounts After,
    int Reduction,
    double ReductionPercent,
    int GroupReduction,
    double GroupReductionPercent,
    string SentenceZh,
    string GroupSentenceZh,
    string UnitChangesZh,
    bool Changed,
    int UnitsInvolved,
    IReadOnlyList<UnitChange> Changes,
    IReadOnlyList<VoteFigures> Votes,
    int VotesHeld,
    int VotesPassed,
    int VotesFailed);

public sealed record UnitCounts(DateOnly Date, int Communities, int Villages, int Groups, int CommunitiesAndVillages);

/// <summary>One restructuring step: <c>converted</c> (村改居), <c>merged</c> (撤村并村/小组合并), <c>established</c>, <c>renamed</c>, <c>adjusted</c> (范围调整).</summary>
public sealed record UnitChange(DateOnly Date, string Kind, string KindZh, string Unit, string? Into, string Decision);

/// <summary>A household representatives' meeting (户代表会议) on merging resident groups.</summary>
public sealed record VoteFigures(DateOnly Date, string Groups, int EligibleHouseholds, int HouseholdsRepresented, int VotesFor, int VotesAgainst, bool Passed, string Finding, string Decision);

/// <summary>托管: areas of other streets this street manages, with the date of the decision.</summary>
public sealed record DelegationFigures(int Areas, int OwnerStreets, IReadOnlyList<DelegatedArea> List);

public sealed record DelegatedArea(string Name, string OwnerStreet, DateOnly Since);

/// <summary>Compounds (小区) and households by kind and by community.</summary>
public sealed record HousingFigures(int Compounds, int Households, IReadOnlyList<CompoundKindFigures> ByKind, IReadOnlyList<CompoundFigures> List,
    CompoundKindFigures Commercial, CompoundKindFigures Resettlement, CompoundKindFigures Talent, CompoundKindFigures Village, int ResettlementCompounds, string ResettlementNames);

public sealed record CompoundKindFigures(string Kind, string KindZh, int Compounds, int Households);

public sealed record CompoundFigures(string Name, string Kind, string KindZh, int Households, int Buildings, string? Community);

/// <summary>Facilities open on the as-of date, by category and by life-circle level (GB 50180-2018).</summary>
public sealed record FacilityFigures(int Total, int Public, int Commercial, IReadOnlyList<CategoryFigures> ByCategory, IReadOnlyList<CircleFigures> ByCircle);

public sealed record CategoryFigures(string Code, string NameZh, string Kind, int CircleLevel, int Count);

/// <summary>One life-circle level: how many of the standard's categories for it are present, and which are missing.</summary>
public sealed record CircleFigures(int Level, string LabelZh, int Facilities, int CategoriesRequired, int CategoriesPresent, string MissingZh);

/// <summary>Planning and project sites by status on the as-of date, with budgets in 万元.</summary>
public sealed record SiteFigures(int Total, decimal BudgetWan, IReadOnlyList<StatusFigures> ByStatus, IReadOnlyList<SiteRow> List, int StartedInPeriod, int CompletedInPeriod);

public sealed record StatusFigures(string Status, string StatusZh, int Count, decimal BudgetWan);

public sealed record SiteRow(string Name, string Status, string StatusZh, string Category, decimal? BudgetWan, string? Zone, string? Community);

/// <summary>A composite service hub (综合体) with its function spaces and the compounds it serves.</summary>
public sealed record HubFigures(string Name, DateOnly OpenedOn, string? Community, int Spaces, double SpaceSquareMetres, string SpacesZh, int ServedCompounds, string ServedCompoundsZh);

/// <summary>The planning scheme 一带六组团: belts and themed clusters, with their names joined for sentences.</summary>
public sealed record PlanningFigures(int Belts, string BeltNamesZh, int Clusters, string ClusterThemesZh, IReadOnlyList<ZoneFigures> List);

/// <summary>A planning zone: <c>belt</c> or <c>cluster</c>.</summary>
public sealed record ZoneFigures(string Name, string Kind, string Theme);

/// <summary>
/// The ecological scene's figures for the season named like the year, as its statistics endpoint answers them;
/// <see cref="Available"/> is false when the plugin is not installed or not running.
/// </summary>
public sealed record GardenFigures(
    bool Available, string? Season, int Gardens, int Plots, double PlotSquareMetres, int ClaimedPlots, double ClaimedSquareMetres,
    double EdibleSquareMetres, double GreenSquareMetres, double EdibleClaimedSquareMetres, double GreenClaimedSquareMetres, int Households,
    IReadOnlyList<GardenRow> List);

public sealed record GardenRow(string Name, string Kind, string? Community, double AreaSquareMetres, int Plots, int ClaimedPlots, double ClaimedSquareMetres, int Households);

/// <summary>One community or village with its registers on the as-of date.</summary>
public sealed record CommunityFigures(string Code, string Name, string LevelZh, int Groups, int Compounds, int Households, int Facilities, int PublicFacilities, int Sites, decimal SiteBudgetWan, string MissingFiveMinuteZh);
