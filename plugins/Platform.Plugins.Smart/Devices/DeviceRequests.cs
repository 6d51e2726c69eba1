namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// <c>POST /devices</c>: kind, name, and the compound — by register id (<c>compoundId</c>; name and location
/// default to the compound's) or by name with a location (<c>lon</c>, <c>lat</c> in EPSG:4490).
/// </summary>
public sealed record InstallDeviceRequest(
    string? Kind, string? Name, string? Compound, Guid? CompoundId, double? Lon, double? Lat, string? Status, DateOnly? InstalledOn, string? Reason,
    string? Building = null, string? Entrance = null, string? Model = null, Guid? ProfileId = null, Guid? ProjectId = null);

/// <summary><c>POST /devices/{id}/retire</c>: why the device is taken out of service.</summary>
public sealed record RetireDeviceRequest(string? Note);

/// <summary><c>POST /devices/{id}/commands</c>: ThingsBoard's persistent RPC — method, params (any JSON), time-to-live and retries.</summary>
public sealed record SendCommandRequest(string? Method, System.Text.Json.JsonElement? Params, int? TtlSeconds, int? MaxRetries);

/// <summary><c>POST /devices/{id}/status</c>: the new status and an optional note (e.g. the fault).</summary>
public sealed record ReportStatusRequest(string? Status, string? Note);
