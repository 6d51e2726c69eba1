namespace Platform.Linkage.Reports;

/// <summary>A title application as the summary prints it.</summary>
public sealed record TitleFigures(string ApplicantUnit, string Title, int Year, string StageZh);

/// <summary>A visit of a title's process (预检, 互促互评): the date in Chinese (10月9日) and the visiting body.</summary>
public sealed record VisitFigures(DateOnly On, string DateZh, string VisitingBody);

/// <summary>
/// The figures of section (四) of the annual summary, <c>report.linkage</c>: every one counted from the module's records
/// of the report's year (and community, when the report has one). Amounts in 万元 are exact decimals printed without
/// trailing zeros (<c>*_wan</c> strings beside the decimals).
/// </summary>
public sealed record LinkageFigures(
    int Year,
    bool Available,
    int OverallReports,
    int CommunityReports,
    string? CentreName,
    string? CentreCommunity,
    int SocialWorkers,
    int BoutiqueProjects,
    int TrainingSessions,
    int TrainingPersonTimes,
    int TrainingCommunities,
    int Conferences,
    int PublishedProjects,
    decimal PublishedTotal,
    string PublishedTotalWan,
    string PublishedCategoriesZh,
    int Applications,
    int ApplyingCommunities,
    string ApplicationCategoriesZh,
    int Approved,
    int ApprovedCommunities,
    string ApprovedCommunitiesZh,
    decimal ApprovedTotal,
    string ApprovedTotalWan,
    int Started,
    int TeamSize,
    string TeamRolesZh,
    int SupervisedProjects,
    int SupervisedCommunities,
    int DemonstrationSites,
    int DemonstrationCommunities,
    string DemonstrationSiteNamesZh,
    IReadOnlyList<TitleFigures> Titles,
    VisitFigures? Precheck,
    VisitFigures? MutualEvaluation);

/// <summary>What the section shares with every template: <c>report.linkage</c>.</summary>
public sealed record LinkageReportData(LinkageFigures Linkage);
