using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Platform.Abstractions.Commands;

namespace Platform.Host.Durability;

/// <summary>
/// A request that fails because the database (or a silo of the cluster) cannot be reached is answered
/// 503 problem+json with <c>Retry-After</c>, not 500: the fault is passing, and the client may try again.
/// Whatever else escapes an endpoint stays the framework's 500.
/// </summary>
internal sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsUnavailable(exception) || context.Response.HasStarted)
            return false;
        logger.LogWarning("Answered 503, the database or a silo is unavailable: {Error}", exception.Message);
        context.Response.Headers.RetryAfter = "2";
        await ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "database",
                "The database is unavailable at the moment; nothing was written. Try again shortly.",
                "数据库暂时不可用，本次未写入，请稍后重试。")
            .ExecuteAsync(context);
        return true;
    }

    /// <summary>True for failures to reach PostgreSQL or a silo, also when Orleans carried them across a grain call.</summary>
    internal static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException or SocketException or TimeoutException
                or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException)
                return true;
            // An exception type Orleans could not carry between silos arrives as a fallback naming the original.
            var name = e.GetType().FullName ?? "";
            if (name.StartsWith("Npgsql.", StringComparison.Ordinal) || e.Message.Contains("Npgsql.", StringComparison.Ordinal))
                return true;
        }
        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsUnavailable);
    }
}
