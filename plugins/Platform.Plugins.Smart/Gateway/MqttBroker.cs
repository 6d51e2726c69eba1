using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Platform.Plugins.Smart.Commands;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Settings;
using Platform.Plugins.Smart.Telemetry;

namespace Platform.Plugins.Smart.Gateway;

/// <summary>
/// The MQTT broker hosted in the platform (MQTTnet 5), speaking ThingsBoard's device API: the device's access token is
/// the user name (anything else is refused with BadUserNameOrPassword, or NotAuthorized on MQTT 3.1.1), devices publish
/// to <c>v1/devices/me/telemetry</c> and <c>v1/devices/me/attributes</c>, subscribe to <c>v1/devices/me/rpc/request/+</c>
/// and answer on <c>v1/devices/me/rpc/response/{id}</c>. It is not a general broker: nothing a device publishes is passed
/// on to other clients, and each RPC request reaches only the device it is for.
/// </summary>
public sealed class MqttBroker(DeviceDirectory directory, TelemetryIngest ingest, CommandDispatch commands, SmartOptions options, ILogger<MqttBroker> logger)
{
    public const string TelemetryTopic = "v1/devices/me/telemetry";
    public const string AttributesTopic = "v1/devices/me/attributes";
    public const string RpcRequestPrefix = "v1/devices/me/rpc/request/";
    public const string RpcResponsePrefix = "v1/devices/me/rpc/response/";
    private const string DeviceItem = "smart.device";

    private readonly ConcurrentDictionary<Guid, string> _clientOf = new();
    private readonly ConcurrentDictionary<int, string> _rpcTarget = new();
    private MqttServer? _server;
    private long _refusedConnections;

    public bool Running => _server?.IsStarted == true;
    public int Port { get; private set; }
    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);
    public int Connected => _clientOf.Count;

    public async Task StartAsync()
    {
        if (options.MqttPort <= 0)
        {
            logger.LogInformation("MQTT broker off (Platform:Mqtt:Port = 0)");
            return;
        }
        var bind = IPAddress.TryParse(options.MqttBind, out var address) ? address : IPAddress.Any;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(bind).WithDefaultEndpointPort(options.MqttPort)
            .WithPersistentSessions(false)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += ValidateAsync;
        server.ClientDisconnectedAsync += DisconnectedAsync;
        server.InterceptingPublishAsync += PublishAsync;
        server.InterceptingSubscriptionAsync += SubscribingAsync;
        server.ClientSubscribedTopicAsync += SubscribedAsync;
        server.InterceptingClientEnqueueAsync += EnqueueAsync;
        server.ClientAcknowledgedPublishPacketAsync += AcknowledgedAsync;
        try
        {
            await server.StartAsync();
            _server = server;
            Port = options.MqttPort;
            logger.LogInformation("MQTT broker listening on {Address}:{Port} (ThingsBoard device API)", bind, options.MqttPort);
        }
        catch (Exception e) when (e is SocketException or IOException || e.InnerException is SocketException)
        {
            // A second host on the same machine, or a broker already there: the platform runs on without MQTT (HTTP still works).
            logger.LogWarning("MQTT broker NOT started: port {Port} on {Address} is taken or refused ({Error}). Devices can still post over HTTP; " +
                "set Platform:Mqtt:Port to a free port (0 turns the broker off).", options.MqttPort, bind, e.Message);
            server.Dispose();
        }
    }

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            server.Dispose();
        }
    }

    /// <summary>Whether the device is connected now.</summary>
    public bool IsConnected(Guid device) => _clientOf.ContainsKey(device);

    /// <summary>Sends an RPC request to the device's session (QoS 1); false when it is not connected.</summary>
    public async Task<bool> SendRpcAsync(Guid device, int requestId, string payload)
    {
        if (_server is not { } server || !_clientOf.TryGetValue(device, out var client))
            return false;
        _rpcTarget[requestId] = client;
        var message = new MqttApplicationMessageBuilder().WithTopic(RpcRequestPrefix + requestId).WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = "platform" });
        return true;
    }

    private Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        if (directory.Find(e.UserName) is { } device)
        {
            // MQTT 3.1.1 lets a client with a clean session leave its id empty (mosquitto_pub does): the broker assigns one.
            if (string.IsNullOrEmpty(e.ClientId))
                e.AssignedClientIdentifier = $"device-{device:N}-{Guid.NewGuid():N}";
            e.SessionItems[DeviceItem] = device;
            e.ReasonCode = MqttConnectReasonCode.Success;
            return Task.CompletedTask;
        }
        Interlocked.Increment(ref _refusedConnections);
        ingest.Count("bad_credentials");
        // MQTTnet answers a 3.1.1 client with the matching CONNACK code (4 / 5) for these.
        e.ReasonCode = string.IsNullOrEmpty(e.UserName) ? MqttConnectReasonCode.NotAuthorized : MqttConnectReasonCode.BadUserNameOrPassword;
        return Task.CompletedTask;
    }

    private Task DisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        if (e.SessionItems[DeviceItem] is Guid device && _clientOf.TryGetValue(device, out var client) && client == e.ClientId)
            _clientOf.TryRemove(device, out _);
        return Task.CompletedTask;
    }

    private async Task PublishAsync(InterceptingPublishEventArgs e)
    {
        // Devices talk to the platform only: nothing is forwarded to other clients.
        e.ProcessPublish = false;
        if (e.ClientId == "platform" || e.SessionItems[DeviceItem] is not Guid device)
        {
            e.ProcessPublish = e.ClientId == "platform";
            return;
        }
        _clientOf[device] = e.ClientId;
        var topic = e.ApplicationMessage.Topic;
        var payload = e.ApplicationMessage.Payload;
        if (topic == TelemetryTopic || topic == AttributesTopic)
        {
            if (await ingest.IngestAsync(device, payload, topic == AttributesTopic, waitForDevice: false) is { } refusal)
            {
                e.Response.ReasonCode = refusal.Code == "failure" ? MqttPubAckReasonCode.UnspecifiedError : MqttPubAckReasonCode.PayloadFormatInvalid;
                e.Response.ReasonString = refusal.Reason;
            }
            return;
        }
        if (topic.StartsWith(RpcResponsePrefix, StringComparison.Ordinal) && int.TryParse(topic.AsSpan(RpcResponsePrefix.Length), out var requestId))
        {
            await commands.AnsweredAsync(device, requestId, Encoding.UTF8.GetString(payload));
            return;
        }
        ingest.Count("unsupported_topic");
        e.Response.ReasonCode = MqttPubAckReasonCode.TopicNameInvalid;
        e.Response.ReasonString = "Topics: v1/devices/me/telemetry, v1/devices/me/attributes, v1/devices/me/rpc/response/{id}";
    }

    private Task SubscribingAsync(InterceptingSubscriptionEventArgs e)
    {
        var filter = e.TopicFilter.Topic;
        if (filter is "v1/devices/me/rpc/request/+" or "v1/devices/me/attributes" or "v1/devices/me/attributes/response/+")
            return Task.CompletedTask;
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.TopicFilterInvalid;
        return Task.CompletedTask;
    }

    private async Task SubscribedAsync(ClientSubscribedTopicEventArgs e)
    {
        if (e.TopicFilter.Topic != "v1/devices/me/rpc/request/+" || e.SessionItems[DeviceItem] is not Guid device)
            return;
        _clientOf[device] = e.ClientId;
        // The device listens for requests now: what waited for it (queued while offline, or sent and never acknowledged) goes out.
        _ = Task.Run(() => commands.DeliverPendingAsync(device));
        await Task.CompletedTask;
    }

    private Task EnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (topic.StartsWith(RpcRequestPrefix, StringComparison.Ordinal))
            e.AcceptEnqueue = int.TryParse(topic.AsSpan(RpcRequestPrefix.Length), out var id) && _rpcTarget.TryGetValue(id, out var target) && target == e.ReceiverClientId;
        else
            e.AcceptEnqueue = e.SenderClientId == "platform";
        return Task.CompletedTask;
    }

    private async Task AcknowledgedAsync(ClientAcknowledgedPublishPacketEventArgs e)
    {
        var topic = e.PublishPacket.Topic;
        if (topic.StartsWith(RpcRequestPrefix, StringComparison.Ordinal) && int.TryParse(topic.AsSpan(RpcRequestPrefix.Length), out var id)
            && e.SessionItems[DeviceItem] is Guid device)
        {
            _rpcTarget.TryRemove(id, out _);
            await commands.DeliveredAsync(device, id);
        }
    }
}
