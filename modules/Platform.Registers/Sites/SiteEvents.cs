namespace Platform.Registers.Sites;

// Facts about one site, on the site's stream. Geometry is WKT in EPSG:4490; budgets in 万元 (10 000 CNY).

/// <summary>A site was put on the register.</summary>
internal sealed record SiteRegistered(string Name, string Category, string GeometryWkt, SiteStatus Status, DateOnly StatusSince, decimal? BudgetWan, string? Owner, Guid? ZoneId);

/// <summary>The site moved through its lifecycle on <paramref name="EffectiveDate"/>.</summary>
internal sealed record SiteStatusChanged(SiteStatus From, SiteStatus To, DateOnly EffectiveDate);

/// <summary>The site's boundary was redrawn.</summary>
internal sealed record SiteReshaped(string GeometryWkt);

/// <summary>Name, budget, owner or zone changed.</summary>
internal sealed record SiteDetailsRevised(string Name, string Category, decimal? BudgetWan, string? Owner, Guid? ZoneId);
