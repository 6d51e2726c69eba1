using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Governance.Records;

/// <summary>A filing (备案) of a compound: its kind (<see cref="ChecklistTemplates.FilingKindsZh"/>), date, parties and documents.</summary>
public sealed class Filing : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public Guid CompoundId { get; set; }
    public string CompoundName { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateOnly FiledOn { get; set; }
    public string Parties { get; set; } = "";
    public List<string> Documents { get; set; } = [];
}

/// <summary>A filing was recorded.</summary>
internal sealed record FilingRecorded(string Kind, Guid CompoundId, string CompoundName, double Lon, double Lat, DateOnly FiledOn, string Parties, string[] Documents);

internal sealed class FilingProjection : SingleStreamProjection<Filing, Guid>
{
    public FilingProjection() => IncludeType<FilingRecorded>();

    public override Filing Evolve(Filing? snapshot, Guid id, IEvent e) => e.Data is FilingRecorded x
        ? new Filing { Id = id, Kind = x.Kind, CompoundId = x.CompoundId, CompoundName = x.CompoundName, Lon = x.Lon, Lat = x.Lat, FiledOn = x.FiledOn, Parties = x.Parties, Documents = [.. x.Documents] }
        : snapshot!;
}

/// <summary>A training session for property-service staff (物业服务培训): topic, date, compounds covered, attendees.</summary>
public sealed class Training
{
    public Guid Id { get; set; }
    public string Topic { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public List<string> Compounds { get; set; } = [];
    public int Attendees { get; set; }
    public string? Trainer { get; set; }
}

/// <summary>A training session was held.</summary>
internal sealed record TrainingHeld(string Topic, DateOnly HeldOn, string[] Compounds, int Attendees, string? Trainer);

internal sealed class TrainingProjection : SingleStreamProjection<Training, Guid>
{
    public TrainingProjection() => IncludeType<TrainingHeld>();

    public override Training Evolve(Training? snapshot, Guid id, IEvent e) => e.Data is TrainingHeld x
        ? new Training { Id = id, Topic = x.Topic, HeldOn = x.HeldOn, Compounds = [.. x.Compounds], Attendees = x.Attendees, Trainer = x.Trainer }
        : snapshot!;
}
