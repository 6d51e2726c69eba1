using Platform.Host.Identity;

namespace Platform.Testing;

/// <summary>
/// A host without demo data (<c>Platform:Demo=false</c>) on a fresh database, with users
/// <c>admin</c> and <c>planner</c> (password <c>demo</c>) created directly; for tests that count things.
/// </summary>
public sealed class EmptyPlatformFixture : IAsyncLifetime
{
    private PlatformFactory? _factory;

    public PlatformFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not started.");

    public async Task InitializeAsync()
    {
        _factory = await PlatformFactory.StartAsync("empty", settings: new Dictionary<string, string> { ["Platform:Demo"] = "false" });
        var users = _factory.Service<UserDirectory>();
        await users.CreateAsync("admin", "管理员", Auth.DemoPassword, ["administrator"], null, "test");
        await users.CreateAsync("planner", "规划", Auth.DemoPassword, ["planner"], null, "test");
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}
