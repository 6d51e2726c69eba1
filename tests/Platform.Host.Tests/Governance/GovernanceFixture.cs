using Platform.Testing;

namespace Platform.Host.Tests.Governance;

/// <summary>One host on a copy of the demo database for every governance test; <see cref="RestartAsync"/> replaces it by a new process on the same database.</summary>
public sealed class GovernanceFixture : IAsyncLifetime
{
    private PlatformFactory? _factory;

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not started.");

    public async Task InitializeAsync() => _factory = await PlatformFactory.StartWithDemoAsync("governance");

    public async Task RestartAsync()
    {
        var next = Factory.Restarted();
        await Factory.DisposeAsync();
        _factory = next;
        _ = next.Services; // start it
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

[CollectionDefinition("governance")]
public sealed class GovernanceCollection : ICollectionFixture<GovernanceFixture>;
