namespace Platform.Linkage.Projects;

/// <summary>A document a stage needs before a project may enter it.</summary>
internal sealed record RequiredDocument(string Kind, string NameZh, string NameEn);

/// <summary>One of the six stages of a community fund project, with the documents it needs and its rule in words.</summary>
internal sealed record ProjectStage(int Order, string Code, string NameZh, string NameEn, IReadOnlyList<RequiredDocument> Documents, string RuleZh, string RuleEn);

/// <summary>The six stages in order: 宣传动员 → 需求征集 → 民主议决 → 公示备案 → 立项评审 → 开展实施.</summary>
internal static class ProjectStages
{
    public static readonly IReadOnlyList<ProjectStage> All =
    [
        new(1, "mobilisation", "宣传动员", "Mobilisation",
            [new("publicity", "宣传动员材料（通知、照片）", "publicity material (notice, photos)")],
            "须上传宣传动员材料。", "Needs the publicity material."),
        new(2, "needs", "需求征集", "Needs collection",
            [new("needs_survey", "居民需求征集表", "residents' needs survey")],
            "须上传居民需求征集表。", "Needs the residents' needs survey."),
        new(3, "decision", "民主议决", "Democratic decision",
            [new("meeting_minutes", "议决会议记录", "minutes of the deciding meeting")],
            "须上传会议记录，并登记到会与表决情况：到会人数须过应到人数半数，赞成票须过到会人数半数。",
            "Needs the minutes and a meeting record: more than half of those entitled attend, and more than half of those present vote for it."),
        new(4, "notice", "公示备案", "Public notice",
            [new("public_notice", "公示材料", "public notice")],
            "须上传公示材料并登记公示期，公示期不少于规定天数。", "Needs the notice and its period, at least the required number of days."),
        new(5, "review", "立项评审", "Project review",
            [new("review_opinion", "评审意见", "reviewers' opinion")],
            "公示期满后方可进入；须上传评审意见并登记评审结论。", "Only after the notice period has ended; needs the reviewers' opinion and their decision."),
        new(6, "implementation", "开展实施", "Implementation",
            [new("implementation_plan", "实施方案或合作协议", "implementation plan or agreement")],
            "须评审通过，并上传实施方案或合作协议。", "Needs an approving review and the implementation plan or agreement."),
    ];

    public static ProjectStage? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    public static ProjectStage? After(string? code) => code is null ? All[0] : Find(code) is { } s && s.Order < All.Count ? All[s.Order] : null;
}
