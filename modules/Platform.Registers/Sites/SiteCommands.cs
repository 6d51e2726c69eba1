namespace Platform.Registers.Sites;

[GenerateSerializer, Immutable]
internal sealed record RegisterSite(
    [property: Id(0)] string Name, [property: Id(1)] string Category, [property: Id(2)] string GeometryWkt,
    [property: Id(3)] SiteStatus Status, [property: Id(4)] DateOnly StatusSince, [property: Id(5)] decimal? BudgetWan,
    [property: Id(6)] string? Owner, [property: Id(7)] Guid? ZoneId);

[GenerateSerializer, Immutable]
internal sealed record ChangeSiteStatus([property: Id(0)] SiteStatus To, [property: Id(1)] DateOnly EffectiveDate);

[GenerateSerializer, Immutable]
internal sealed record ReshapeSite([property: Id(0)] string GeometryWkt);

[GenerateSerializer, Immutable]
internal sealed record ReviseSite(
    [property: Id(0)] string Name, [property: Id(1)] string Category, [property: Id(2)] decimal? BudgetWan,
    [property: Id(3)] string? Owner, [property: Id(4)] Guid? ZoneId);
