namespace Platform.Registers.Reports;

/// <summary>One life-circle level: how many of the standard's categories for it are present, and which are missing.</summary>
internal sealed record CircleFigures(int Level, string LabelZh, int Facilities, int CategoriesRequired, int CategoriesPresent, string MissingZh);
