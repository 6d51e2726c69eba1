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
}
