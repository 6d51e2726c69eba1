using Platform.Abstractions.Registers;

namespace Platform.Governance.Complaints;

/// <summary>
/// A complaint goes to the body its category names: the compound's property company (the community when the
/// compound has none, or the point lies in no compound), the community, or a street department.
/// </summary>
internal static class ComplaintsGoToTheResponsibleBodyRule
{
    public const string Street = "街道社区发展办";

    public static string RoutedTo(ComplaintCategory category, CompoundInfo? compound, string? communityName) => category.Route switch
    {
        "property" when compound?.PropertyCompany is { Length: > 0 } company => company,
        "department" => category.Department ?? Street,
        _ => communityName is null ? Street : communityName + "居委会",
    };

    /// <summary>Who an overdue complaint escalates to: level 1 the community's head, level 2 the street.</summary>
    public static string EscalatesTo(int level, string? communityName) =>
        level == 1 && communityName is not null ? communityName + "负责人" : Street;
}
