using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>A community worker changes only their own community's projects; administrators change every one.</summary>
internal static class OnlyTheProjectsCommunityMayChangeItRule
{
    public static Rejection? Check(CommandContext context, string communityCode, string communityName) =>
        context.Scope.Covers(communityCode) ? null
            : new Rejection(403, "communityCode", $"Only administrators and community workers of {communityName} may change this project.",
                $"只有管理员和{communityName}的社区工作者可以修改此项目。");
}
