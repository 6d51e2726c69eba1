namespace Platform.Jurisdiction.Reports;

/// <summary>One restructuring step: <c>converted</c> (村改居), <c>merged</c> (撤村并村/小组合并), <c>established</c>, <c>renamed</c>, <c>adjusted</c> (范围调整).</summary>
internal sealed record UnitChange(DateOnly Date, string Kind, string KindZh, string Unit, string? Into, string Decision);
