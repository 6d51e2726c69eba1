namespace Platform.Registers.Reports;

/// <summary>A planning zone: <c>belt</c> or <c>cluster</c>.</summary>
internal sealed record ZoneFigures(string Name, string Kind, string Theme);
