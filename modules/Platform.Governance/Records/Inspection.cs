using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Governance.Records;

/// <summary>
/// An inspection (检查) of a compound or of a business point, by a checklist template: the items found in order or not,
/// and the findings (问题) with their rectification deadline, rectification (with proof) and verification.
/// The inspection is closed once every finding is verified.
/// </summary>
public sealed class Inspection : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Kind { get; set; } = "routine";
    public string Template { get; set; } = "";
    public string TargetKind { get; set; } = "compound";
    public string TargetName { get; set; } = "";
    public Guid? CompoundId { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Inspector { get; set; } = "";
    public bool Random { get; set; }
    public List<ChecklistResult> Items { get; set; } = [];
    public List<Finding> Findings { get; set; } = [];
    public long Version { get; set; }

    public bool Closed => Findings.All(f => f.VerifiedOn is not null);
}

[GenerateSerializer, Immutable]
public sealed record ChecklistResult([property: Id(0)] string Item, [property: Id(1)] bool Passed, [property: Id(2)] string? Note);

public sealed class Finding
{
    public Guid Id { get; set; }
    public string Item { get; set; } = "";
    public string Description { get; set; } = "";
    public DateOnly DeadlineOn { get; set; }
    public DateOnly? RectifiedOn { get; set; }
    public string? Proof { get; set; }
    public DateOnly? VerifiedOn { get; set; }

    /// <summary>Photos of the finding as found (<c>finding</c>) and of its rectification (<c>rectification</c>), oldest first.</summary>
    public List<FindingPhoto> Photos { get; set; } = [];

    public bool RectifiedOnTime => RectifiedOn is { } r && r <= DeadlineOn;
}

/// <summary>A photo of a finding: its id, whether it shows the problem or its rectification, and its address.</summary>
public sealed record FindingPhoto(Guid Id, string Stage, string Url);

[GenerateSerializer, Immutable]
public sealed record FindingRecord([property: Id(0)] Guid Id, [property: Id(1)] string Item, [property: Id(2)] string Description, [property: Id(3)] DateOnly DeadlineOn);

/// <summary>An inspection was held with its checklist results and findings.</summary>
internal sealed record InspectionHeld(string Kind, string Template, string TargetKind, string TargetName, Guid? CompoundId, double Lon, double Lat,
    DateOnly HeldOn, string Inspector, bool Random, ChecklistResult[] Items, FindingRecord[] Findings);

/// <summary>A finding was rectified (整改) on a date, with a proof (a note, a photo's id).</summary>
internal sealed record FindingRectified(Guid FindingId, DateOnly RectifiedOn, string Proof);

/// <summary>The street verified the rectification (复查).</summary>
internal sealed record FindingVerified(Guid FindingId, DateOnly VerifiedOn);

/// <summary>A photo of a finding (as found, or of its rectification), stored without its EXIF/XMP metadata (no camera position).</summary>
internal sealed record FindingPhotoAttached(Guid FindingId, Guid PhotoId, string Stage, string ContentType, byte[] Data);

internal sealed class InspectionProjection : SingleStreamProjection<Inspection, Guid>
{
    public InspectionProjection()
    {
        IncludeType<InspectionHeld>();
        IncludeType<FindingRectified>();
        IncludeType<FindingVerified>();
        IncludeType<FindingPhotoAttached>();
    }

    public override Inspection Evolve(Inspection? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not InspectionHeld)
            return null!;
        var i = snapshot ?? new Inspection { Id = id };
        switch (e.Data)
        {
            case InspectionHeld x:
                (i.Kind, i.Template, i.TargetKind, i.TargetName, i.CompoundId, i.Lon, i.Lat) = (x.Kind, x.Template, x.TargetKind, x.TargetName, x.CompoundId, x.Lon, x.Lat);
                (i.HeldOn, i.Inspector, i.Random, i.Items) = (x.HeldOn, x.Inspector, x.Random, [.. x.Items]);
                i.Findings = [.. x.Findings.Select(f => new Finding { Id = f.Id, Item = f.Item, Description = f.Description, DeadlineOn = f.DeadlineOn })];
                break;
            case FindingRectified x when i.Findings.FirstOrDefault(f => f.Id == x.FindingId) is { } f:
                (f.RectifiedOn, f.Proof) = (x.RectifiedOn, x.Proof);
                break;
            case FindingVerified x when i.Findings.FirstOrDefault(f => f.Id == x.FindingId) is { } f:
                f.VerifiedOn = x.VerifiedOn;
                break;
            case FindingPhotoAttached x when i.Findings.FirstOrDefault(f => f.Id == x.FindingId) is { } f:
                f.Photos.Add(new FindingPhoto(x.PhotoId, x.Stage, $"/api/governance/inspections/{id}/findings/{f.Id}/photos/{x.PhotoId}"));
                break;
        }
        i.Version = e.Version;
        return i;
    }
}
