using System.Text.Json;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Http;

// Request bodies of the jurisdiction API. Every field is nullable so that a missing one becomes a
// 400 naming it rather than a deserialisation failure.

/// <summary>The decision behind a change; <c>documentId</c> names an uploaded decision paper (<c>POST /api/jurisdiction/decision-documents</c>).</summary>
internal sealed record DecisionBody(string? DocumentNumber, DateOnly? EffectiveDate, string? Reason, Guid? DocumentId = null)
{
    public Decision ToDecision(string? documentSha256) =>
        new(DocumentNumber?.Trim() ?? "", EffectiveDate ?? default, Reason?.Trim() ?? "", documentSha256 is null ? null : DocumentId, documentSha256);
}

internal sealed record EstablishBody(string? Code, string? Name, string? Level, Guid? ParentId, JsonElement? Geometry, DecisionBody? Decision);

internal sealed record RenameBody(string? Name, DecisionBody? Decision);

internal sealed record ConvertBody(string? Name, string? Code, DecisionBody? Decision);

internal sealed record NewUnitBody(string? Code, string? Name, string? Level);

internal sealed record MergeBody(Guid[]? AbsorbedIds, Guid? SuccessorId, NewUnitBody? NewSuccessor, DecisionBody? Decision);

internal sealed record TransferBody(Guid? FromId, Guid? ToId, JsonElement? Geometry, DecisionBody? Decision);

internal sealed record GroupMergeBody(Guid[]? GroupIds, Guid? SuccessorId, HouseholdVote? Vote, DecisionBody? Decision);

internal sealed record DelegationBody(string? Name, string? OwnerStreet, JsonElement? Geometry, DecisionBody? Decision);
