using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>立项评审 needs the review record with the reviewers' decision; 开展实施 needs that decision to approve.</summary>
internal static class ReviewNeedsTheReviewersDecisionRule
{
    public static Rejection? CheckReview(FundProject project) =>
        project.Review is null
            ? new Rejection(409, "review", "立项评审 needs the review record (reviewers and their decision).", "进入“立项评审”缺少评审记录（评审人及评审结论）。")
            : null;

    public static Rejection? CheckImplementation(FundProject project) =>
        project.Review is not { Approved: true }
            ? new Rejection(409, "review", "开展实施 needs a review that approved the project.", "评审未通过，项目不能进入“开展实施”。")
            : null;
}
