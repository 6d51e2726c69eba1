namespace Platform.Registers.Reports;

internal sealed record CompoundFigures(string Name, string Kind, string KindZh, int Households, int Buildings, string? Community);
