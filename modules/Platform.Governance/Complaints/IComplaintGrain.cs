using Platform.Abstractions.Commands;

namespace Platform.Governance.Complaints;

/// <summary>A complaint as filed by a resident, by staff on the phone or by an Open311 client.</summary>
[GenerateSerializer, Immutable]
public sealed record FileComplaint(
    [property: Id(0)] string Category, [property: Id(1)] string Description, [property: Id(2)] double Lon, [property: Id(3)] double Lat,
    [property: Id(4)] string? Address, [property: Id(5)] Dictionary<string, string> Answers,
    [property: Id(6)] string? ReporterName, [property: Id(7)] string? ReporterPhone, [property: Id(8)] string? ReporterUser,
    [property: Id(9)] string Channel, [property: Id(10)] string? Open311Client, [property: Id(11)] string? MediaUrl)
{
    /// <summary>When it was filed; null for now. Demo data and imports give the past date.</summary>
    [Id(12)]
    public DateTimeOffset? FiledAt { get; init; }
}

/// <summary>A status change; <see cref="AsReporter"/> when the reporter confirms or reopens their own complaint.</summary>
[GenerateSerializer, Immutable]
public sealed record ChangeComplaintStatus([property: Id(0)] string Status, [property: Id(1)] string? Note, [property: Id(2)] bool AsReporter)
{
    [Id(3)]
    public DateTimeOffset? At { get; init; }
}

/// <summary>The single writer of one complaint's stream; also its escalation timer (an Orleans reminder).</summary>
public interface IComplaintGrain : IGrainWithGuidKey
{
    Task<CommandResult> FileAsync(FileComplaint command, CommandContext context);
    Task<CommandResult> ChangeStatusAsync(ChangeComplaintStatus command, CommandContext context);
    Task<CommandResult> AttachPhotoAsync(byte[] data, CommandContext context);

    /// <summary>Sets the escalation reminder for the next deadline, or removes it when none is left.</summary>
    Task ArmAsync();
}
