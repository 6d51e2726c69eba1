using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Maps.Tests.Support;

/// <summary>
/// The real host as its own process on a loopback port (GDAL and Chromium reach it over TCP), with demo data,
/// shared by the tests of one class. Ready once the demo communities are served.
/// </summary>
public sealed class MapsHost : IAsyncLifetime
{
    private HostProcess? _process;

    public HostProcess Process => _process ?? throw new InvalidOperationException("not started");

    public Uri Address => Process.Address;

    public async Task InitializeAsync()
    {
        _process = HostProcess.Start(TestServer.CreateFolder("maps-host"));
        await _process.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        using var client = _process.CreateClient();
        for (var i = 0; i < 300; i++)
        {
            var items = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/jurisdiction-communities/items");
            if (items.GetProperty("numberMatched").GetInt32() > 0)
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException("the demo communities never appeared");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
    }
}
