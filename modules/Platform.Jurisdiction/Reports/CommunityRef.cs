namespace Platform.Jurisdiction.Reports;

/// <summary>The community or village a community report is about.</summary>
internal sealed record CommunityRef(string Code, string Name, string Level, string LevelZh);
