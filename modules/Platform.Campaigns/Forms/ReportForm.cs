using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Campaigns.Passes;

namespace Platform.Campaigns.Forms;

/// <summary>
/// A report form sent upward (报表报送): its fields, the higher office it goes to, its schedule — daily, or once per cycle of
/// <see cref="EveryDays"/> days from <see cref="StartOn"/> — the deadline time on a period's last day (China time), who
/// submits it, and every submission by period.
/// </summary>
public sealed class ReportForm
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Office { get; set; } = "";
    public List<FormField> Fields { get; set; } = [];
    public int EveryDays { get; set; } = 1;
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public TimeOnly DueAt { get; set; } = new(17, 0);
    public string Responsible { get; set; } = "";
    public List<FormSubmission> Submissions { get; set; } = [];
    public long Version { get; set; }

    /// <summary>The period (its first day) that <paramref name="day"/> falls in, or null before the form starts or after it ends.</summary>
    public DateOnly? PeriodOf(DateOnly day) =>
        day < StartOn || (EndOn is { } end && day > end) ? null : StartOn.AddDays((day.DayNumber - StartOn.DayNumber) / EveryDays * EveryDays);

    /// <summary>When the period starting <paramref name="period"/> is due: its last day at <see cref="DueAt"/>, China time.</summary>
    public DateTimeOffset DeadlineOf(DateOnly period) => new(period.AddDays(EveryDays - 1).ToDateTime(DueAt), ChinaTime.Offset);

    /// <summary>The periods whose deadline has come (at or before <paramref name="now"/>) without a submission.</summary>
    public IEnumerable<DateOnly> OverdueAt(DateTimeOffset now)
    {
        var submitted = Submissions.Select(s => s.Period).ToHashSet();
        for (var p = StartOn; (EndOn is null || p <= EndOn) && DeadlineOf(p) <= now; p = p.AddDays(EveryDays))
            if (!submitted.Contains(p))
                yield return p;
    }
}

/// <summary>A field of a form: its name and type (<c>integer</c>, <c>number</c> or <c>text</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record FormField([property: Id(0)] string Name, [property: Id(1)] string Type);

/// <summary>One period's submission: the values by field, when and by whom, and whether it came after the deadline.</summary>
public sealed record FormSubmission(DateOnly Period, Dictionary<string, string> Values, DateTimeOffset At, string By, bool Late);

internal sealed record ReportFormDefined(string Name, string Office, FormField[] Fields, int EveryDays, DateOnly StartOn, DateOnly? EndOn, TimeOnly DueAt, string Responsible);

internal sealed record ReportFormSubmitted(DateOnly Period, Dictionary<string, string> Values, DateTimeOffset At, string By, bool Late);

internal sealed class ReportFormProjection : SingleStreamProjection<ReportForm, Guid>
{
    public ReportFormProjection()
    {
        IncludeType<ReportFormDefined>();
        IncludeType<ReportFormSubmitted>();
    }

    public override ReportForm Evolve(ReportForm? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not ReportFormDefined)
            return null!;
        var f = snapshot ?? new ReportForm { Id = id };
        switch (e.Data)
        {
            case ReportFormDefined x:
                (f.Name, f.Office, f.Fields, f.EveryDays, f.StartOn, f.EndOn, f.DueAt, f.Responsible) = (x.Name, x.Office, [.. x.Fields], x.EveryDays, x.StartOn, x.EndOn, x.DueAt, x.Responsible);
                break;
            case ReportFormSubmitted x:
                f.Submissions.Add(new FormSubmission(x.Period, x.Values, x.At, x.By, x.Late));
                break;
        }
        f.Version = e.Version;
        return f;
    }
}
