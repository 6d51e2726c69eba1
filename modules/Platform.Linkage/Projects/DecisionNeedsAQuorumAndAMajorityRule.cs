using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>
/// 民主议决 passes when more than half of those entitled attend and more than half of those present vote for it
/// (the 过半数 of the 村民委员会组织法 for meetings of villagers and of households' representatives).
/// </summary>
internal static class DecisionNeedsAQuorumAndAMajorityRule
{
    public static bool Passes(MeetingRecorded m) => m.Attended * 2 > m.Entitled && m.VotesFor * 2 > m.Attended;

    public static Rejection? CheckRecord(int entitled, int attended, int votesFor, int votesAgainst) =>
        entitled <= 0 ? new Rejection(400, "entitled", "entitled must be a positive number of people.", "应到人数须大于 0。")
        : attended < 0 || attended > entitled ? new Rejection(400, "attended", "attended must be between 0 and entitled.", "到会人数须在 0 与应到人数之间。")
        : votesFor < 0 || votesAgainst < 0 || votesFor + votesAgainst > attended
            ? new Rejection(400, "votesFor", "The votes for and against cannot exceed those present.", "赞成与反对票之和不能超过到会人数。")
        : null;

    public static Rejection? Check(FundProject project) =>
        project.Meeting is not { } m
            ? new Rejection(409, "meeting", "民主议决 needs the meeting record (entitled, attended, votes).", "进入“民主议决”缺少会议记录（应到、实到、表决）。")
        : m.Attended * 2 <= m.Entitled
            ? new Rejection(409, "meeting.attended", $"Only {m.Attended} of {m.Entitled} attended; more than half must.", $"到会 {m.Attended} 人，未过应到 {m.Entitled} 人的半数，会议无效。")
        : m.VotesFor * 2 <= m.Attended
            ? new Rejection(409, "meeting.votesFor", $"{m.VotesFor} of {m.Attended} present voted for; more than half must.", $"赞成 {m.VotesFor} 票，未过到会 {m.Attended} 人的半数，表决未通过。")
        : null;
}
