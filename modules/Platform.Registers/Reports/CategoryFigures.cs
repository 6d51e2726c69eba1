namespace Platform.Registers.Reports;

internal sealed record CategoryFigures(string Code, string NameZh, string Kind, int CircleLevel, int Count);
