using Platform.Abstractions.Commands;

namespace Platform.Governance.Records;

[GenerateSerializer, Immutable]
public sealed record HoldInspection(
    [property: Id(0)] string Template, [property: Id(1)] string TargetKind, [property: Id(2)] string TargetName, [property: Id(3)] Guid? CompoundId,
    [property: Id(4)] double Lon, [property: Id(5)] double Lat, [property: Id(6)] DateOnly HeldOn, [property: Id(7)] bool Random,
    [property: Id(8)] ChecklistResult[] Items, [property: Id(9)] FindingRecord[] Findings);

/// <summary>The single writer of one inspection's stream: held, findings rectified and verified.</summary>
public interface IInspectionGrain : IGrainWithGuidKey
{
    Task<CommandResult> HoldAsync(HoldInspection command, CommandContext context);
    Task<CommandResult> RectifyAsync(Guid findingId, DateOnly rectifiedOn, string proof, CommandContext context);
    Task<CommandResult> VerifyAsync(Guid findingId, DateOnly verifiedOn, CommandContext context);

    /// <summary>Attaches a JPEG or PNG photo to a finding; <paramref name="stage"/> is <c>finding</c> or <c>rectification</c>.</summary>
    Task<CommandResult> AttachPhotoAsync(Guid findingId, string stage, byte[] data, CommandContext context);
}
