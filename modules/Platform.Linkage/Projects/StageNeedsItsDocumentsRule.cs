using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>A project enters a stage only when every document the stage needs has been uploaded for it.</summary>
internal static class StageNeedsItsDocumentsRule
{
    public static Rejection? Check(FundProject project, ProjectStage stage)
    {
        var missing = stage.Documents.Where(d => !project.HasDocument(stage.Code, d.Kind)).ToList();
        return missing.Count == 0 ? null
            : new Rejection(409, "documents",
                $"{stage.NameEn} needs: {string.Join(", ", missing.Select(d => $"{d.NameEn} ({d.Kind})"))}.",
                $"进入“{stage.NameZh}”阶段缺少：{string.Join("、", missing.Select(d => d.NameZh))}。");
    }
}
