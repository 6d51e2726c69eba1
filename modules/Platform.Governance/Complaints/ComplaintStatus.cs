namespace Platform.Governance.Complaints;

/// <summary>The states of a complaint, their Chinese names and the one order they follow.</summary>
public static class ComplaintStatus
{
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string InProgress = "in_progress";
    public const string Responded = "responded";
    public const string Closed = "closed";
    public const string Reopened = "reopened";

    public static readonly IReadOnlyDictionary<string, string> NamesZh = new Dictionary<string, string>
    {
        [Submitted] = "已提交", [Accepted] = "已受理", [InProgress] = "处置中", [Responded] = "已处置回复", [Closed] = "已办结", [Reopened] = "已重新打开",
    };

    public static readonly IReadOnlyDictionary<string, string> NamesEn = new Dictionary<string, string>
    {
        [Submitted] = "Submitted", [Accepted] = "Accepted", [InProgress] = "In progress", [Responded] = "Responded", [Closed] = "Closed", [Reopened] = "Reopened",
    };

    /// <summary>Open311 knows two states: a complaint is <c>closed</c> once the reporter confirmed, <c>open</c> before.</summary>
    public static string Open311(string status) => status == Closed ? "closed" : "open";
}

/// <summary>
/// A complaint's status moves only along submitted → accepted → in progress → responded → closed, or from responded
/// to reopened and from there back to in progress; anything else is refused (409) and nothing is written.
/// </summary>
internal static class StatusChangesFollowTheComplaintProcessRule
{
    private static readonly Dictionary<string, string[]> Next = new()
    {
        [ComplaintStatus.Submitted] = [ComplaintStatus.Accepted],
        [ComplaintStatus.Accepted] = [ComplaintStatus.InProgress],
        [ComplaintStatus.InProgress] = [ComplaintStatus.Responded],
        [ComplaintStatus.Responded] = [ComplaintStatus.Closed, ComplaintStatus.Reopened],
        [ComplaintStatus.Reopened] = [ComplaintStatus.InProgress],
        [ComplaintStatus.Closed] = [],
    };

    public static bool Allows(string from, string to) => Next.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<string> After(string from) => Next.TryGetValue(from, out var next) ? next : [];

    /// <summary>Closing and reopening are the reporter's decisions (or staff on the reporter's behalf).</summary>
    public static bool IsReportersDecision(string to) => to is ComplaintStatus.Closed or ComplaintStatus.Reopened;
}
