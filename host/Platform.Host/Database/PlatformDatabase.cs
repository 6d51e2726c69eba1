using Microsoft.Extensions.Logging;

namespace Platform.Host.Database;

/// <summary>
/// The PostgreSQL database the platform stores everything in: the one named by
/// <c>ConnectionStrings:Platform</c>, or else the embedded server under <c>Platform:DataDir</c>.
/// Created on first use and disposed with the service provider, after Orleans and Marten have stopped.
/// </summary>
public sealed class PlatformDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres? _embedded;

    private PlatformDatabase(string connectionString, EmbeddedPostgres? embedded)
    {
        ConnectionString = connectionString;
        _embedded = embedded;
    }

    public string ConnectionString { get; }

    /// <summary>The embedded server, when there is one.</summary>
    public EmbeddedPostgres? Embedded => _embedded;

    /// <summary>True when this process runs the server itself.</summary>
    public bool IsEmbedded => _embedded is not null;

    public static PlatformDatabase Open(PlatformSettings settings, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
            return new PlatformDatabase(settings.ConnectionString, null);
        var embedded = EmbeddedPostgres
            .StartAsync(settings.DataDirectory, "platform", settings.PostgresBinDirectory, logger)
            .GetAwaiter().GetResult();
        // The platform works as the owner of its database, not as the server's superuser.
        embedded.EnsureOwnerRoleAsync("platform").GetAwaiter().GetResult();
        return new PlatformDatabase(embedded.OwnerConnectionString("platform"), embedded);
    }

    public ValueTask DisposeAsync() => _embedded?.DisposeAsync() ?? ValueTask.CompletedTask;
}
