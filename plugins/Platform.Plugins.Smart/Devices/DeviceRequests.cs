namespace Platform.Plugins.Smart.Devices;

/// <summary>
/// <c>POST /devices</c>: kind, name, and the compound — by register id (<c>compoundId</c>; name and location
/// default to the compound's) or by name with a location (<c>lon</c>, <c>lat</c> in EPSG:4490).
/// </summary>
public sealed record InstallDeviceRequest(
    string? Kind, string? Name, string? Compound, Guid? CompoundId, double? Lon, double? Lat, string? Status, DateOnly? InstalledOn, string? Reason);

/// <summary><c>POST /devices/{id}/status</c>: the new status and an optional note (e.g. the fault).</summary>
public sealed record ReportStatusRequest(string? Status, string? Note);
