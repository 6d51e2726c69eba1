namespace Platform.Plugins.Smart.Telemetry;

/// <summary>One data point: a key's value at a time, a number or (strings, booleans, JSON) text.</summary>
[GenerateSerializer, Immutable]
public sealed record Reading(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] string Key,
    [property: Id(2)] double? Number,
    [property: Id(3)] string? Text);

/// <summary>What one message of a device carried: telemetry readings or client attributes.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceReadings(
    [property: Id(0)] Reading[] Readings,
    [property: Id(1)] DateTimeOffset ReceivedAt,
    [property: Id(2)] bool Attributes);

/// <summary>A device's last values (telemetry) and client attributes.</summary>
[GenerateSerializer, Immutable]
public sealed record LatestValues(
    [property: Id(0)] Guid DeviceId,
    [property: Id(1)] DateTimeOffset? LastSeen,
    [property: Id(2)] Reading[] Telemetry,
    [property: Id(3)] Reading[] Attributes);
