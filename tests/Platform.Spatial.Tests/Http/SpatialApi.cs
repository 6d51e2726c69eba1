using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;

namespace Platform.Spatial.Tests;

/// <summary>A minimal web application with only the spatial endpoints, on an in-memory test server.</summary>
public sealed class SpatialApi : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSpatial(o => o.StreetExtent = new Envelope(103.9, 104.3, 30.2, 30.6));
        _app = builder.Build();
        _app.MapSpatialEndpoints();
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
