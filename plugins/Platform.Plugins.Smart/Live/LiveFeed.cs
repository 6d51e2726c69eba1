using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;

namespace Platform.Plugins.Smart.Live;

/// <summary>
/// What the live map and the command centre are pushed (server-sent events): device state changes, readings (at most
/// a few per second per device), alarms, commands and incidents. Each subscriber has a bounded queue; a slow page
/// loses the oldest messages, never slows the broker.
/// </summary>
public sealed class LiveFeed
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<Guid, Channel<LiveMessage>> _subscribers = new();

    public bool HasSubscribers => !_subscribers.IsEmpty;

    public (Guid Id, ChannelReader<LiveMessage> Reader) Subscribe()
    {
        var channel = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return (id, channel.Reader);
    }

    public void Unsubscribe(Guid id)
    {
        if (_subscribers.TryRemove(id, out var channel))
            channel.Writer.TryComplete();
    }

    public void Publish<T>(string type, T data)
    {
        if (_subscribers.IsEmpty)
            return;
        var message = new LiveMessage(type, JsonSerializer.Serialize(data, Json));
        foreach (var channel in _subscribers.Values)
            channel.Writer.TryWrite(message);
    }
}

/// <summary>One server-sent event: its type and JSON data.</summary>
public sealed record LiveMessage(string Type, string Data);

/// <summary>A device on the live map: status, the severity of its worst open alarm, its last values.</summary>
public sealed record DeviceLive(Guid Id, string Name, string Kind, string Compound, double Lon, double Lat, string Status,
    string? AlarmSeverity, string Color, DateTimeOffset? LastSeen, IReadOnlyDictionary<string, object?> Values);
