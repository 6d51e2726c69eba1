using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>The single writer of one community fund project's stream.</summary>
internal interface IFundProjectGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterFundProject command, CommandContext context);
    Task<CommandResult> AttachDocumentAsync(AttachDocument command, CommandContext context);
    Task<CommandResult> RecordMeetingAsync(RecordMeeting command, CommandContext context);
    Task<CommandResult> PostNoticeAsync(PostNotice command, CommandContext context);
    Task<CommandResult> RecordReviewAsync(RecordReview command, CommandContext context);
    Task<CommandResult> EnterStageAsync(EnterStage command, CommandContext context);
    Task<CommandResult> ApplyForIncentiveAsync(ApplyForIncentive command, CommandContext context);
    Task<CommandResult> DecideIncentiveAsync(DecideIncentive command, CommandContext context);
    Task<CommandResult> ReportProgressAsync(ReportProgress command, CommandContext context);
    Task<CommandResult> RecordResultAsync(RecordResult command, CommandContext context);
    Task<CommandResult> RecordSupervisionCheckAsync(Guid checkId, RecordSupervisionCheck command, CommandContext context);
}
