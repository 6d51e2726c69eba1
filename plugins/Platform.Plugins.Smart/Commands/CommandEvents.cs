namespace Platform.Plugins.Smart.Commands;

/// <summary>
/// A command (ThingsBoard's persistent RPC) was queued for a device: <paramref name="Method"/> with its JSON
/// <paramref name="Params"/>, delivered as MQTT request <paramref name="RequestId"/>, expiring at <paramref name="ExpiresAt"/>
/// unless delivered, with at most <paramref name="MaxRetries"/> sends after the first.
/// </summary>
public sealed record CommandQueued(Guid DeviceId, string DeviceName, double Lon, double Lat, string Method, string Params, int RequestId,
    int TtlSeconds, DateTimeOffset ExpiresAt, int MaxRetries, DateTimeOffset At);

/// <summary>The command went out to the device's session (attempt 1 is the first send).</summary>
public sealed record CommandSent(int Attempt, DateTimeOffset At);

/// <summary>The device acknowledged the request (MQTT PUBACK).</summary>
public sealed record CommandDelivered(DateTimeOffset At);

/// <summary>The device answered on <c>v1/devices/me/rpc/response/{id}</c>.</summary>
public sealed record CommandAnswered(string Response, DateTimeOffset At);

/// <summary>The time-to-live ran out before the device acknowledged the command.</summary>
public sealed record CommandExpired(DateTimeOffset At);

/// <summary>Every allowed send went unacknowledged.</summary>
public sealed record CommandFailed(string Reason, DateTimeOffset At);
