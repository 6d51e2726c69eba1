namespace Platform.Host.Identity;

/// <summary>
/// Outside demo mode (<c>--Platform:Demo=false</c>) a data folder may still hold the demo's users with the demo
/// password: the host says so at startup, loudly, naming the users, so an operator changes them
/// (<c>platform user password …</c> or <c>POST /api/auth/password</c>).
/// </summary>
internal sealed class DemoPasswordWarning(IConfiguration configuration, UserDirectory users, ILogger<DemoPasswordWarning> logger) : IHostedService
{
    private static readonly string[] DemoNames = ["admin", "planner", "worker", "developer", "resident"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Platform:Demo", true))
            return;
        var password = Environment.GetEnvironmentVariable("PLATFORM_DEMO_PASSWORD") is { Length: > 0 } p ? p : "demo";
        var exposed = new List<string>();
        try
        {
            foreach (var name in DemoNames)
                if (await users.HasPasswordAsync(name, password, cancellationToken))
                    exposed.Add(name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not check for demo passwords");
            return;
        }
        if (exposed.Count > 0)
            logger.LogWarning(
                "Demo mode is off but these users still have the demo password: {Users}. Anyone who knows the demo can sign in as them; change their passwords (POST /api/auth/password) now. 演示模式已关闭，但以下用户仍使用演示密码，请立即修改：{Users}",
                string.Join(", ", exposed), string.Join("、", exposed));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
