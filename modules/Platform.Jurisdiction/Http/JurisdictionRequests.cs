using System.Text.Json;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Http;

// Request bodies of the jurisdiction API. Every field is nullable so that a missing one becomes a
// 400 naming it rather than a deserialisation failure.

internal sealed record DecisionBody(string? DocumentNumber, DateOnly? EffectiveDate, string? Reason)
{
    public Decision ToDecision() => new(DocumentNumber?.Trim() ?? "", EffectiveDate ?? default, Reason?.Trim() ?? "");
}

internal sealed record EstablishBody(string? Code, string? Name, string? Level, Guid? ParentId, JsonElement? Geometry, DecisionBody? Decision);

internal sealed record RenameBody(string? Name, DecisionBody? Decision);

internal sealed record ConvertBody(string? Name, string? Code, DecisionBody? Decision);

internal sealed record NewUnitBody(string? Code, string? Name, string? Level);

internal sealed record MergeBody(Guid[]? AbsorbedIds, Guid? SuccessorId, NewUnitBody? NewSuccessor, DecisionBody? Decision);

internal sealed record TransferBody(Guid? FromId, Guid? ToId, JsonElement? Geometry, DecisionBody? Decision);

internal sealed record GroupMergeBody(Guid[]? GroupIds, Guid? SuccessorId, HouseholdVote? Vote, DecisionBody? Decision);

internal sealed record DelegationBody(string? Name, string? OwnerStreet, JsonElement? Geometry, DecisionBody? Decision);
