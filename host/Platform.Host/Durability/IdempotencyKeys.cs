using System.Security.Cryptography;
using Npgsql;
using Platform.Abstractions.Commands;
using Platform.Host.Database;

namespace Platform.Host.Durability;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first request with a key runs and its answer (status, type, location, body)
/// is kept for 24 hours in <c>platform_ops.idempotency_keys</c>; a retry with the same key and the same body is
/// answered from there (header <c>Idempotency-Replayed: true</c>) without running again, so a client that timed out
/// does not create a duplicate. The same key with another body is refused 422, and a retry while the first is still
/// running 409. Keys are per caller (the signed-in user, or anonymous) and shared by all silos.
/// </summary>
/// <remarks>
/// Answers of 5xx are not kept (the write did not happen; the retry runs). A key whose first request never finished
/// (its process died) is taken over after <see cref="Abandoned"/>: a crash between the commit and storing the answer
/// can then let a retry run twice, which a client avoids by retrying later than that.
/// </remarks>
/// <summary>The host's own connections for its operational tables (one pool, disposed with the container).</summary>
internal sealed class OperationsDataSource(PlatformDatabase database) : IAsyncDisposable
{
    public NpgsqlDataSource Source { get; } = NpgsqlDataSource.Create(database.ConnectionString);

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}

internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Abandoned = TimeSpan.FromSeconds(60);
    private const int MaxKeptBody = 1 << 20;
    private static readonly SemaphoreSlim SchemaLock = new(1, 1);
    private static bool _schemaReady;

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Headers[Header].FirstOrDefault() is not { Length: > 0 } key)
            {
                await next(context);
                return;
            }
            if (key.Length > 200)
            {
                await ProblemResults.Problem(400, Header, "The Idempotency-Key is longer than 200 characters.", "Idempotency-Key 超过 200 个字符。").ExecuteAsync(context);
                return;
            }
            await HandleAsync(context, next, key);
        });

    private static async Task HandleAsync(HttpContext context, RequestDelegate next, string key)
    {
        var source = context.RequestServices.GetRequiredService<OperationsDataSource>().Source;
        context.Request.EnableBuffering();
        string fingerprint;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(context.Request.Path + "?" + context.Request.QueryString + "\n"));
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                sha.AppendData(buffer, 0, read);
            fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        context.Request.Body.Position = 0;
        var caller = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "" : "";

        await EnsureSchemaAsync(source);
        await using (var claim = source.CreateCommand(
            """
            insert into platform_ops.idempotency_keys (caller, key, fingerprint, created_at)
            values ($1, $2, $3, now())
            on conflict (caller, key) do update set fingerprint = excluded.fingerprint, created_at = now(), status = null, content_type = null, location = null, body = null
            where platform_ops.idempotency_keys.created_at < now() - interval '24 hours'
               or (platform_ops.idempotency_keys.status is null and platform_ops.idempotency_keys.created_at < now() - $4::interval)
            returning 1
            """))
        {
            claim.Parameters.AddWithValue(caller);
            claim.Parameters.AddWithValue(key);
            claim.Parameters.AddWithValue(fingerprint);
            claim.Parameters.AddWithValue(Abandoned);
            if (await claim.ExecuteScalarAsync() is null)
            {
                await ReplayAsync(context, source, caller, key, fingerprint);
                return;
            }
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var kept = false;
        try
        {
            await next(context);
            captured.Position = 0;
            if (context.Response.StatusCode < 500 && captured.Length <= MaxKeptBody)
            {
                await using var store = source.CreateCommand(
                    "update platform_ops.idempotency_keys set status = $3, content_type = $4, location = $5, body = $6 where caller = $1 and key = $2");
                store.Parameters.AddWithValue(caller);
                store.Parameters.AddWithValue(key);
                store.Parameters.AddWithValue(context.Response.StatusCode);
                store.Parameters.AddWithValue((object?)context.Response.ContentType ?? DBNull.Value);
                store.Parameters.AddWithValue((object?)context.Response.Headers.Location.FirstOrDefault() ?? DBNull.Value);
                store.Parameters.AddWithValue(captured.ToArray());
                await store.ExecuteNonQueryAsync();
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
                await ForgetAsync(source, caller, key);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, NpgsqlDataSource source, string caller, string key, string fingerprint)
    {
        await using var read = source.CreateCommand(
            "select fingerprint, status, content_type, location, body from platform_ops.idempotency_keys where caller = $1 and key = $2");
        read.Parameters.AddWithValue(caller);
        read.Parameters.AddWithValue(key);
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            await ProblemResults.Problem(409, Header, "A request with this Idempotency-Key has just failed; send it again.",
                "使用该 Idempotency-Key 的请求刚刚失败，请重新发送。").ExecuteAsync(context);
            return;
        }
        if (reader.GetString(0) != fingerprint)
        {
            await ProblemResults.Problem(422, Header, "This Idempotency-Key was used with another request body or path.",
                "该 Idempotency-Key 已用于内容不同的请求。").ExecuteAsync(context);
            return;
        }
        if (reader.IsDBNull(1))
        {
            await ProblemResults.Problem(409, Header, "The first request with this Idempotency-Key is still being processed.",
                "使用该 Idempotency-Key 的首个请求仍在处理中。").ExecuteAsync(context);
            return;
        }
        context.Response.StatusCode = reader.GetInt32(1);
        if (!reader.IsDBNull(2))
            context.Response.ContentType = reader.GetString(2);
        if (!reader.IsDBNull(3))
            context.Response.Headers.Location = reader.GetString(3);
        context.Response.Headers["Idempotency-Replayed"] = "true";
        var body = reader.GetFieldValue<byte[]>(4);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task ForgetAsync(NpgsqlDataSource source, string caller, string key)
    {
        try
        {
            await using var delete = source.CreateCommand("delete from platform_ops.idempotency_keys where caller = $1 and key = $2 and status is null");
            delete.Parameters.AddWithValue(caller);
            delete.Parameters.AddWithValue(key);
            await delete.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The database is away: the pending row is taken over after the abandonment delay.
        }
    }

    private static async Task EnsureSchemaAsync(NpgsqlDataSource source)
    {
        if (_schemaReady)
            return;
        await SchemaLock.WaitAsync();
        try
        {
            if (_schemaReady)
                return;
            await using var ddl = source.CreateCommand(
                """
                select pg_advisory_xact_lock(7020515391830691667);
                create schema if not exists platform_ops;
                create table if not exists platform_ops.idempotency_keys (
                    caller text not null,
                    key text not null,
                    fingerprint text not null,
                    created_at timestamptz not null,
                    status integer,
                    content_type text,
                    location text,
                    body bytea,
                    primary key (caller, key));
                """);
            await ddl.ExecuteNonQueryAsync();
            _schemaReady = true;
        }
        finally
        {
            SchemaLock.Release();
        }
    }
}
