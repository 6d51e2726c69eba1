using Platform.Abstractions.Commands;

namespace Platform.Jurisdiction.Register;

/// <summary>
/// The single writer of a street's jurisdiction (keyed by the street's name). The street is the
/// aggregate because its invariant — units of one tier do not overlap — spans all its units; each
/// unit still has its own event stream, so its history can be listed.
/// </summary>
internal interface IJurisdictionGrain : IGrainWithStringKey
{
    Task<UnitCommandResult> EstablishAsync(EstablishUnit command, CommandContext context);
    Task<UnitCommandResult> RenameAsync(RenameUnit command, CommandContext context);
    Task<UnitCommandResult> ConvertVillageAsync(ConvertVillage command, CommandContext context);
    Task<UnitCommandResult> MergeAsync(MergeUnits command, CommandContext context);
    Task<UnitCommandResult> TransferAreaAsync(TransferArea command, CommandContext context);
    Task<UnitCommandResult> MergeGroupsAsync(MergeGroups command, CommandContext context);
    Task<UnitCommandResult> GrantDelegationAsync(GrantDelegation command, CommandContext context);

    /// <summary>What <see cref="MergeAsync"/> would do, with nothing appended.</summary>
    Task<UnitPreview> PreviewMergeAsync(MergeUnits command, CommandContext context);

    /// <summary>What <see cref="TransferAreaAsync"/> would do, with nothing appended.</summary>
    Task<UnitPreview> PreviewTransferAsync(TransferArea command, CommandContext context);

    /// <summary>What <see cref="MergeGroupsAsync"/> would do (the vote's verdict included), with nothing appended.</summary>
    Task<UnitPreview> PreviewGroupMergeAsync(MergeGroups command, CommandContext context);
}
