namespace Platform.Plugins.Service.Projects;

/// <summary>The project moved on: planned → under_renovation → open.</summary>
public sealed record ServiceProjectStatusChanged(string From, string To, DateOnly EffectiveDate);
