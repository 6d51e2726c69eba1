using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>
/// 公示备案 needs a notice of at least <see cref="LinkageOptions.NoticeDays"/> days (both ends counted), and
/// 立项评审 may begin only the day after the notice ends.
/// </summary>
internal static class NoticeMustRunItsFullPeriodBeforeReviewRule
{
    public static int Days(NoticePosted n) => n.To.DayNumber - n.From.DayNumber + 1;

    public static Rejection? CheckNotice(FundProject project, int noticeDays) =>
        project.Notice is not { } n
            ? new Rejection(409, "notice", "公示备案 needs the notice period (from, to).", "进入“公示备案”缺少公示期登记（起止日期）。")
        : Days(n) < noticeDays
            ? new Rejection(409, "notice", $"The notice runs {Days(n)} days; at least {noticeDays} are required.", $"公示期 {Days(n)} 天，不足规定的 {noticeDays} 天。")
        : null;

    public static Rejection? CheckReview(FundProject project, int noticeDays, DateOnly today) =>
        CheckNotice(project, noticeDays) ?? (today <= project.Notice!.To
            ? new Rejection(409, "notice", $"The notice runs until {project.Notice.To:yyyy-MM-dd}; review may start on {project.Notice.To.AddDays(1):yyyy-MM-dd}.",
                $"公示期至 {project.Notice.To:yyyy年M月d日} 止，{project.Notice.To.AddDays(1):yyyy年M月d日} 起方可进入“立项评审”。")
            : null);
}
