namespace Platform.Campaigns.Reports;

/// <summary>
/// The figures of sections (一) to (三) this module keeps, shared with every report as <c>report.door_to_door</c>,
/// <c>report.passes</c>, <c>report.report_forms</c>, <c>report.secondments</c>, <c>report.park_city_group</c>,
/// <c>report.reform_group</c> and <c>report.exchanges</c>. Texts are joined with 、; "余" figures round down as the summary does.
/// </summary>
public sealed record CampaignReportData(DoorToDoorFigures DoorToDoor, PassFigures Passes, ReportFormFigures ReportForms, SecondmentFigures Secondments,
    LeadingGroupFigures ParkCityGroup, LeadingGroupFigures ReformGroup, ExchangeFigures Exchanges);

/// <summary>
/// Households visited in the period's campaigns (a completed visit: outcome visited), by compounds ("公寓") and village groups:
/// how many registers had a completed visit and how many distinct households; <c>…Zh</c> is the rounded "2300余".
/// </summary>
public sealed record DoorToDoorFigures(bool Any, int Campaigns, int Apartments, string ApartmentNamesZh, string ApartmentCommunitiesZh, int ApartmentHouseholds, string ApartmentHouseholdsZh,
    int Groups, string GroupVillagesZh, int GroupHouseholds, string GroupHouseholdsZh, string RegisteredZh);

/// <summary>Entrances and passes: compounds with at least one entrance of all compounds, passes issued, and entries registered in the period.</summary>
public sealed record PassFigures(int Compounds, int WithEntrances, bool All, string SharePercent, int Entrances, int PassesIssued, int Entries, string CategoriesZh);

/// <summary>Forms sent upward in the period: daily ones and those of the most common cycle, with their offices; submissions and the late ones.</summary>
public sealed record ReportFormFigures(bool Any, int DailyForms, string DailyOfficesZh, int CycleForms, int CycleDays, string CycleOfficesZh, int Submissions, int Late);

/// <summary>Staff seconded in the period: people, posts, and days on duty from the first start to the last end (or the report's date).</summary>
public sealed record SecondmentFigures(bool Any, int People, string PostsZh, int Days, DateOnly AsOf);

/// <summary>A leading group as of the report's date: leader, deputies, office and working groups (their count also in Chinese: 八).</summary>
public sealed record LeadingGroupFigures(bool Any, string Name, string LeaderZh, string ExecutiveDeputiesZh, string DeputiesZh, string Office, int WorkingGroups, string WorkingGroupsZh, string WorkingGroupNamesZh);

/// <summary>Exchanges in the period: associations joined, agreements signed, the largest event with its attendance by kind, and the other events.</summary>
public sealed record ExchangeFigures(bool Any, string MembershipsZh, string AgreementsZh, bool HasSalon, string SalonTitle, string SalonPartnersZh, int SalonEnterprises, string SalonEnterprisesZh,
    int SalonOrganisations, string SalonOrganisationsZh, string OtherEventsZh);
