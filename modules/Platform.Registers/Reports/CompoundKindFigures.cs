namespace Platform.Registers.Reports;

internal sealed record CompoundKindFigures(string Kind, string KindZh, int Compounds, int Households);
