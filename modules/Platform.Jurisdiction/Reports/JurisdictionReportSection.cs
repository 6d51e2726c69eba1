using Microsoft.Extensions.Options;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Reports;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Register;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Reports;

/// <summary>
/// The jurisdiction's figures in every report (<see cref="JurisdictionFigures"/>): it prints no text of its own, the report
/// templates do. The community rows count the registers through their read facade <see cref="IRegisterReader"/>.
/// </summary>
internal sealed class JurisdictionReportSection(
    JurisdictionQueries jurisdiction,
    RestructuringFiguresReader restructuring,
    IRegisterReader registers,
    IOptions<JurisdictionOptions> options) : IReportSection
{
    public string Id => "jurisdiction";
    public string TitleZh => "辖区与建制调整";
    public string TitleEn => "Jurisdiction and restructuring";
    public int Order => 0;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var asOf = period.AsOf;
        var units = await jurisdiction.AsOfAsync(asOf, ct);
        CommunityRef? community = null;
        Guid? communityId = null;
        if (period.CommunityCode is { } code)
        {
            var unit = units.FirstOrDefault(u => u.Version.Level.Tier() == 1 && u.Version.Code == code)
                ?? throw new InvalidOperationException($"No community or village has the code '{code}' on {asOf:yyyy-MM-dd}.");
            community = new CommunityRef(unit.Version.Code, unit.Version.Name, unit.Version.Level.ToString().ToLowerInvariant(), unit.Version.Level.NameZh());
            communityId = unit.Id;
        }
        var street = units.FirstOrDefault(u => u.Version.Level == UnitLevel.Street && u.Version.DelegatedFromStreet is null);
        return new JurisdictionFigures(
            new StreetFigures(street?.Version.Name ?? options.Value.StreetName, street?.Version.Code ?? "",
                units.Count(u => u.Version.Level == UnitLevel.Community), units.Count(u => u.Version.Level == UnitLevel.Village),
                units.Count(u => u.Version.Level == UnitLevel.Group)),
            community,
            await restructuring.ReadAsync(period.From, period.To, community?.Name, communityId, ct),
            Delegation(units, options.Value.StreetName),
            await CommunitiesAsync(units, asOf, period.CommunityCode, ct));
    }

    private static DelegationFigures Delegation(IReadOnlyList<JurisdictionQueries.UnitAt> units, string streetName)
    {
        var areas = units.Where(u => u.Version.DelegatedFromStreet is not null && u.Version.ManagingStreet == streetName)
            .Select(u => new DelegatedArea(u.Version.Name, u.Version.DelegatedFromStreet!, u.Version.ValidFrom))
            .OrderBy(a => a.Since).ToList();
        return new DelegationFigures(areas.Count, areas.Select(a => a.OwnerStreet).Distinct().Count(), areas);
    }

    private async Task<IReadOnlyList<CommunityFigures>> CommunitiesAsync(IReadOnlyList<JurisdictionQueries.UnitAt> units, DateOnly asOf, string? communityCode, CancellationToken ct)
    {
        var compounds = await registers.CompoundsAsync(asOf, ct);
        var facilities = await registers.FacilitiesAsync(asOf, ct);
        var sites = await registers.SitesAsync(asOf, ct);
        var fiveMinute = FacilityCategories.All.Where(c => c.Kind == FacilityCategories.Public && c.CircleLevel == 5).ToList();
        return units.Where(u => u.Version.Level.Tier() == 1 && u.Version.DelegatedFromStreet is null && (communityCode is null || u.Version.Code == communityCode))
            .OrderBy(u => u.Version.Level).ThenBy(u => u.Version.Code, StringComparer.Ordinal)
            .Select(u =>
            {
                var code = u.Version.Code;
                var own = facilities.Where(f => f.CommunityCode == code).ToList();
                var ownSites = sites.Where(s => s.CommunityCode == code).ToList();
                return new CommunityFigures(code, u.Version.Name, u.Version.Level.NameZh(),
                    units.Count(g => g.Version.Level == UnitLevel.Group && g.Version.ParentId == u.Id),
                    compounds.Count(c => c.CommunityCode == code), compounds.Where(c => c.CommunityCode == code).Sum(c => c.Households),
                    own.Count, own.Count(f => f.Kind == FacilityCategories.Public), ownSites.Count, ownSites.Sum(s => s.BudgetWan ?? 0),
                    string.Join("、", fiveMinute.Where(c => own.All(f => f.Category != c.Code)).Select(c => c.NameZh)));
            }).ToList();
    }
}
