using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Forms;

[GenerateSerializer, Immutable]
public sealed record DefineReportForm([property: Id(0)] string Name, [property: Id(1)] string Office, [property: Id(2)] FormField[] Fields, [property: Id(3)] int EveryDays,
    [property: Id(4)] DateOnly StartOn, [property: Id(5)] DateOnly? EndOn, [property: Id(6)] TimeOnly DueAt, [property: Id(7)] string Responsible);

[GenerateSerializer, Immutable]
public sealed record SubmitReportForm([property: Id(0)] DateOnly Period, [property: Id(1)] Dictionary<string, string> Values, [property: Id(2)] DateTimeOffset? At);

/// <summary>The single writer of one report form's stream: its definition and its submissions.</summary>
public interface IReportFormGrain : IGrainWithGuidKey
{
    Task<CommandResult> DefineAsync(DefineReportForm command, CommandContext context);

    Task<CommandResult> SubmitAsync(SubmitReportForm command, CommandContext context);
}
