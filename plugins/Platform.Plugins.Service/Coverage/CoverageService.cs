using Marten;
using Platform.Abstractions.Registers;
using Platform.Plugins.Service.LifeCircles;

namespace Platform.Plugins.Service.Coverage;

/// <summary>Reads the registers and the standard in force, and computes coverage for a date.</summary>
public sealed class CoverageService(IRegisterReader registers, IDocumentStore store)
{
    public async Task<LifeCircleStandard> StandardAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<CurrentStandard>("current", ct))?.Standard ?? LifeCircleStandard.Default;
    }

    public async Task<(LifeCircleStandard Standard, IReadOnlyList<CompoundCoverage> Compounds)> ComputeAsync(DateOnly date, CancellationToken ct = default)
    {
        var standard = await StandardAsync(ct);
        var compounds = await registers.CompoundsAsync(date, ct);
        var facilities = await registers.FacilitiesAsync(date, ct);
        return (standard, CoverageCalculator.Compute(compounds, facilities, standard));
    }
}
