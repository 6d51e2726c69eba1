using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Plugins.Smart.Live;

namespace Platform.Plugins.Smart.Alarms;

/// <summary>
/// Tells the responsible staff about an alarm's change: on the command-centre page (the live feed) and, when
/// <c>Platform:Smart:AlarmWebhook</c> names a URL, by a JSON POST to it for outside systems (5 s timeout, failures
/// logged and counted, never retried into the broker's path).
/// </summary>
public sealed class AlarmNotifier(IDocumentStore store, LiveFeed feed, IConfiguration configuration, ILogger<AlarmNotifier> logger)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri? _webhook = Uri.TryCreate(configuration["Platform:Smart:AlarmWebhook"], UriKind.Absolute, out var u) ? u : null;
    private long _webhookFailures;
    private long _webhookSent;

    public long WebhookFailures => Interlocked.Read(ref _webhookFailures);
    public long WebhookSent => Interlocked.Read(ref _webhookSent);

    public async Task NotifyAsync(Guid alarmId, string change)
    {
        if (!feed.HasSubscribers && _webhook is null)
            return;
        await using var session = store.QuerySession();
        if (await session.LoadAsync<AlarmView>(alarmId) is not { } alarm)
            return;
        var answer = AlarmAnswers.Of(alarm);
        feed.Publish("alarm", new AlarmNotice(change, answer));
        if (_webhook is { } url)
            _ = PostAsync(url, new AlarmNotice(change, answer));
    }

    private async Task PostAsync(Uri url, AlarmNotice notice)
    {
        try
        {
            using var response = await Http.PostAsJsonAsync(url, notice);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"answered {(int)response.StatusCode}");
            Interlocked.Increment(ref _webhookSent);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _webhookFailures);
            logger.LogWarning("Alarm webhook {Url} failed: {Error}", url, e.Message);
        }
    }
}

/// <summary>An alarm's change as pushed to pages and webhooks: raised, acknowledged, cleared, assigned, commented.</summary>
public sealed record AlarmNotice(string Change, AlarmAnswer Alarm);
