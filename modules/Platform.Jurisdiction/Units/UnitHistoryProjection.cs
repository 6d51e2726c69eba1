using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Jurisdiction.Units;

/// <summary>Folds a unit's events into its <see cref="UnitHistory"/>: each change closes one version and opens the next.</summary>
internal sealed class UnitHistoryProjection : SingleStreamProjection<UnitHistory, Guid>
{
    /// <summary>Only streams of this aggregate: other streams must not produce empty documents here.</summary>
    public UnitHistoryProjection()
    {
        IncludeType<UnitEstablished>();
        IncludeType<DelegationGranted>();
        IncludeType<UnitRenamed>();
        IncludeType<VillageConvertedToCommunity>();
        IncludeType<UnitsAbsorbed>();
        IncludeType<BoundaryAdjusted>();
        IncludeType<UnitReparented>();
        IncludeType<UnitAbolished>();
        IncludeType<HouseholdVoteHeld>();
    }

    public override UnitHistory Evolve(UnitHistory? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not (UnitEstablished or DelegationGranted))
            return null!;
        var history = snapshot ?? new UnitHistory { Id = id };
        var latest = history.Latest;
        switch (e.Data)
        {
            case UnitEstablished x:
                history.Versions.Add(new UnitVersion(x.Decision.EffectiveDate, null, x.Code, x.Name, x.Level, x.ParentId, x.GeometryWkt, null, null, null));
                break;
            case DelegationGranted x:
                history.Versions.Add(new UnitVersion(x.Decision.EffectiveDate, null, "", x.Name, UnitLevel.Street, null, x.GeometryWkt, null, x.OwnerStreet, x.ManagingStreet));
                break;
            case UnitRenamed x when latest is not null:
                Next(history, x.Decision.EffectiveDate, latest with { Name = x.Name });
                break;
            case VillageConvertedToCommunity x when latest is not null:
                Next(history, x.Decision.EffectiveDate, latest with { Name = x.Name, Code = x.Code, Level = UnitLevel.Community });
                break;
            case UnitsAbsorbed x when latest is not null:
                Next(history, x.Decision.EffectiveDate, latest with { GeometryWkt = x.GeometryWkt });
                break;
            case BoundaryAdjusted x when latest is not null:
                Next(history, x.Decision.EffectiveDate, latest with { GeometryWkt = x.GeometryWkt });
                break;
            case UnitReparented x when latest is not null:
                Next(history, x.Decision.EffectiveDate, latest with { ParentId = x.ParentId });
                break;
            case UnitAbolished x when latest is not null:
                history.Versions[^1] = latest with { ValidTo = x.Decision.EffectiveDate, SuccessorId = x.SuccessorId };
                break;
        }
        return history;
    }

    private static void Next(UnitHistory history, DateOnly from, UnitVersion next)
    {
        var current = history.Versions[^1];
        if (current.ValidFrom == from)
        {
            // Two decisions on one day: the later one restates that day's version.
            history.Versions[^1] = next;
            return;
        }
        history.Versions[^1] = current with { ValidTo = from };
        history.Versions.Add(next with { ValidFrom = from, ValidTo = null });
    }
}
