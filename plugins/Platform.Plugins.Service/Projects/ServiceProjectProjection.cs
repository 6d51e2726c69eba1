using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Service.Projects;

public sealed class ServiceProjectProjection : SingleStreamProjection<ServiceProject, Guid>
{
    public ServiceProjectProjection()
    {
        IncludeType<ServiceProjectRegistered>();
        IncludeType<ServiceProjectStatusChanged>();
    }

    public override ServiceProject Evolve(ServiceProject? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case ServiceProjectRegistered x:
                return new ServiceProject { Id = id, Name = x.Name, Kind = x.Kind, Compound = x.Compound, Lon = x.Lon, Lat = x.Lat, AreaSquareMetres = x.AreaSquareMetres, Status = x.Status, Since = x.Since, Version = e.Version };
            case ServiceProjectStatusChanged x when snapshot is not null:
                snapshot.Status = x.To;
                snapshot.Since = x.EffectiveDate;
                snapshot.Version = e.Version;
                return snapshot;
            default:
                return snapshot!;
        }
    }
}
