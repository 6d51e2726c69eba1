namespace Platform.Host.Database;

/// <summary>The machine has no PostgreSQL server binaries; the message says what to install.</summary>
internal sealed class PostgresNotInstalledException(string message) : Exception(message);
