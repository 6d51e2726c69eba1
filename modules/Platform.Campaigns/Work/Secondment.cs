using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Campaigns.Work;

/// <summary>A staff member seconded (抽调) to a post — e.g. a quarantine hotel — from a start date to an end date (open while on duty).</summary>
public sealed class Secondment
{
    public Guid Id { get; set; }
    public string Staff { get; set; } = "";
    public string Department { get; set; } = "";
    public string Post { get; set; } = "";
    public string Task { get; set; } = "";
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public long Version { get; set; }

    /// <summary>Days on duty up to <paramref name="asOf"/>, both ends counted; 0 before the start.</summary>
    public int DaysOnDutyAsOf(DateOnly asOf)
    {
        var last = EndOn is { } end && end < asOf ? end : asOf;
        return last < StartOn ? 0 : last.DayNumber - StartOn.DayNumber + 1;
    }
}

internal sealed record StaffSeconded(string Staff, string Department, string Post, string Task, DateOnly StartOn, DateOnly? EndOn);

internal sealed record SecondmentEnded(DateOnly EndOn);

internal sealed class SecondmentProjection : SingleStreamProjection<Secondment, Guid>
{
    public SecondmentProjection()
    {
        IncludeType<StaffSeconded>();
        IncludeType<SecondmentEnded>();
    }

    public override Secondment Evolve(Secondment? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not StaffSeconded)
            return null!;
        var s = snapshot ?? new Secondment { Id = id };
        switch (e.Data)
        {
            case StaffSeconded x:
                (s.Staff, s.Department, s.Post, s.Task, s.StartOn, s.EndOn) = (x.Staff, x.Department, x.Post, x.Task, x.StartOn, x.EndOn);
                break;
            case SecondmentEnded x:
                s.EndOn = x.EndOn;
                break;
        }
        s.Version = e.Version;
        return s;
    }
}
