namespace Platform.Jurisdiction.Reports;

/// <summary>One community or village with its registers on the as-of date (read through <c>IRegisterReader</c>).</summary>
internal sealed record CommunityFigures(string Code, string Name, string LevelZh, int Groups, int Compounds, int Households, int Facilities, int PublicFacilities, int Sites, decimal SiteBudgetWan, string MissingFiveMinuteZh);
