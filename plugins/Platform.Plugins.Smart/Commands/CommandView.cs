using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Commands;

/// <summary>The delivery states of a command, as ThingsBoard's persistent RPC has them.</summary>
public static class CommandStates
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Successful = "successful";
    public const string Expired = "expired";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<(string Code, string NameZh)> All =
        [(Queued, "待发送"), (Sent, "已发送"), (Delivered, "已送达"), (Successful, "已执行"), (Expired, "已过期"), (Failed, "发送失败")];

    public static string? NameZh(string code) => All.FirstOrDefault(s => s.Code == code).NameZh;
}

public sealed class CommandView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public Guid DeviceId { get; set; }
    public string DeviceName { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public string Method { get; set; } = "";
    public string Params { get; set; } = "{}";
    public int RequestId { get; set; }
    public int TtlSeconds { get; set; }
    public int MaxRetries { get; set; }
    public int Attempts { get; set; }
    public string State { get; set; } = CommandStates.Queued;
    public string QueuedBy { get; set; } = "";
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Response { get; set; }
    public string? FailureReason { get; set; }

    public bool Pending => State is CommandStates.Queued or CommandStates.Sent;
}

public sealed class CommandProjection : SingleStreamProjection<CommandView, Guid>
{
    public CommandProjection()
    {
        IncludeType<CommandQueued>();
        IncludeType<CommandSent>();
        IncludeType<CommandDelivered>();
        IncludeType<CommandAnswered>();
        IncludeType<CommandExpired>();
        IncludeType<CommandFailed>();
    }

    public override CommandView Evolve(CommandView? snapshot, Guid id, IEvent e)
    {
        var v = snapshot ?? new CommandView { Id = id };
        switch (e.Data)
        {
            case CommandQueued q:
                v.DeviceId = q.DeviceId;
                v.DeviceName = q.DeviceName;
                v.Lon = q.Lon;
                v.Lat = q.Lat;
                v.Method = q.Method;
                v.Params = q.Params;
                v.RequestId = q.RequestId;
                v.TtlSeconds = q.TtlSeconds;
                v.MaxRetries = q.MaxRetries;
                v.QueuedAt = q.At;
                v.ExpiresAt = q.ExpiresAt;
                v.QueuedBy = e.UserName ?? "system";
                v.State = CommandStates.Queued;
                break;
            case CommandSent s:
                v.Attempts = s.Attempt;
                v.SentAt = s.At;
                v.State = CommandStates.Sent;
                break;
            case CommandDelivered d:
                v.DeliveredAt = d.At;
                v.State = CommandStates.Delivered;
                break;
            case CommandAnswered a:
                v.Response = a.Response;
                v.AnsweredAt = a.At;
                v.DeliveredAt ??= a.At;
                v.ClosedAt = a.At;
                v.State = CommandStates.Successful;
                break;
            case CommandExpired x:
                v.ClosedAt = x.At;
                v.State = CommandStates.Expired;
                break;
            case CommandFailed f:
                v.ClosedAt = f.At;
                v.FailureReason = f.Reason;
                v.State = CommandStates.Failed;
                break;
        }
        return v;
    }
}
