namespace Platform.Abstractions.Commands;

/// <summary>
/// Why a command was refused: the HTTP status it maps to (400 invalid, 404 unknown, 409 conflict
/// with current state), the field at fault and a reason a user can act on, in Chinese and English.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Rejection(
    [property: Id(0)] int Status,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason,
    [property: Id(3)] string? ReasonZh = null)
{
    /// <summary>For geometric refusals: where the problem is, as [lon, lat] in EPSG:4490.</summary>
    [Id(4)]
    public double[]? Location { get; init; }

    /// <summary>For geometric refusals: the area of the offending part in m².</summary>
    [Id(5)]
    public double? AreaSquareMetres { get; init; }

    /// <summary>For refusals of a place: how far it lies beyond where it may, in metres.</summary>
    [Id(6)]
    public double? DistanceMetres { get; init; }
}

/// <summary>The outcome of a command: accepted with the stream version it produced, or rejected.</summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult(
    [property: Id(0)] Rejection? Rejection,
    [property: Id(1)] long Version)
{
    /// <summary>True when the command's events were appended.</summary>
    public bool Accepted => Rejection is null;

    /// <summary>An accepted command whose stream is now at <paramref name="version"/>.</summary>
    public static CommandResult Ok(long version) => new(null, version);

    /// <summary>A refused command; nothing was appended.</summary>
    public static CommandResult Refused(int status, string field, string reason, string? reasonZh = null) =>
        new(new Rejection(status, field, reason, reasonZh), 0);
}
