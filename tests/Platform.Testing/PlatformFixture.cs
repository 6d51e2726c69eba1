namespace Platform.Testing;

/// <summary>A class fixture: one host with the shipped plugins on a fresh copy of the demo database per test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private PlatformFactory? _factory;

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not started.");

    public async Task InitializeAsync() => _factory = await PlatformFactory.StartWithDemoAsync("host");

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}
