using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>A project enters only the stage after the one it is in, and the first stage first.</summary>
internal static class StagesFollowInOrderRule
{
    public static Rejection? Check(FundProject project, ProjectStage asked)
    {
        var next = ProjectStages.After(project.Stage);
        if (next is null)
            return new Rejection(409, "stage", "The project is already in its last stage.", "项目已处于最后一个阶段（开展实施）。");
        return next.Code == asked.Code ? null
            : new Rejection(409, "stage", $"The next stage is {next.NameEn}, not {asked.NameEn}.", $"项目的下一阶段是“{next.NameZh}”，不能直接进入“{asked.NameZh}”。");
    }
}
