using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Platform.Host.Database;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Cluster;

/// <summary>
/// The cluster's promises, in order on one pair of silo processes: data written on one silo is served by the other
/// within a second, a retried POST is not duplicated, a database restart is answered 503 and recovered from, a
/// silo's kill -9 under load loses no acknowledged write, and the operations verbs (rebuild, backup, restore) keep
/// the data exactly.
/// </summary>
[Collection("Cluster")]
[TestCaseOrderer("Platform.Host.Tests.Cluster.StepOrderer", "Platform.Host.Tests")]
public sealed class ClusterTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly string Marker = Guid.NewGuid().ToString("N")[..8];

    [Fact, Step(Number = 0)]
    public async Task BothSilos_ListTheTwoActiveSilos_AndConnectAsTheOwnerRoleNotASuperuser()
    {
        foreach (var host in (HostProcess[])[cluster.A, cluster.B])
        {
            using var client = host.CreateClient();
            var database = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("checks").GetProperty("database").GetProperty("data");
            Assert.Equal(2, (await ClusterFixture.SilosAsync(host)).Count);
            Assert.Equal("platform_owner", database.GetProperty("role").GetString());
            Assert.False(database.GetProperty("superuser").GetBoolean());
        }
        Assert.Equal((await ClusterFixture.SilosAsync(cluster.A)).Order(), (await ClusterFixture.SilosAsync(cluster.B)).Order());
    }

    [Fact, Step(Number = 1)]
    public async Task SiteWrittenOnSiloA_AppearsInATileRenderedOnSiloB_WithinASecond()
    {
        using var a = await ClusterFixture.AdminAsync(cluster.A);
        using var b = cluster.B.CreateClient();
        // Web-mercator tile numbers of the site's corner at zoom 15, by the usual formula.
        const int z = 15;
        var (lon, lat) = (104.1033, 30.3968);
        var x = (int)Math.Floor((lon + 180) / 360 * (1 << z));
        var latRad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(latRad) + 1 / Math.Cos(latRad)) / Math.PI) / 2 * (1 << z));
        var tile = $"/tiles/registers-sites/{z}/{x}/{y}.mvt";
        var name = "集群点位" + Marker;
        var before = await b.GetByteArrayAsync(tile); // rendered and cached on B before the write

        var created = await a.PostAsJsonAsync("/api/sites", new { name, geometry = Square(lon - 0.0003, lat - 0.0003, 0.0006), owner = "兴隆街道", statusSince = "2026-01-05" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var acknowledged = Stopwatch.StartNew();
        var seen = false;
        while (!seen && acknowledged.Elapsed < TimeSpan.FromSeconds(3))
        {
            seen = Contains(await b.GetByteArrayAsync(tile), Encoding.UTF8.GetBytes(name));
            if (!seen)
                await Task.Delay(50);
        }
        output.WriteLine($"site written on A seen in B's tile after {acknowledged.ElapsedMilliseconds} ms");

        Assert.False(Contains(before, Encoding.UTF8.GetBytes(name)));
        Assert.True(seen, "the tile rendered on silo B never showed the site written on silo A");
        Assert.True(acknowledged.Elapsed < TimeSpan.FromSeconds(1.5), $"B's tile showed the site only after {acknowledged.ElapsedMilliseconds} ms");
    }

    [Fact, Step(Number = 2)]
    public async Task PostRetriedWithTheSameIdempotencyKeyOnTheOtherSilo_ReplaysTheFirstAnswer_AndAnotherBodyIsRefused()
    {
        using var a = await ClusterFixture.AdminAsync(cluster.A);
        using var b = await ClusterFixture.AdminAsync(cluster.B);
        var name = "幂等点位" + Marker;
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post(string siteName) => new(HttpMethod.Post, "/api/sites")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { name = siteName, geometry = new { type = "Point", coordinates = new[] { 104.1041, 30.3971 } }, owner = "兴隆街道", statusSince = "2026-01-05" }),
        };

        var first = await a.SendAsync(Post(name));
        var retry = await b.SendAsync(Post(name));
        var other = await b.SendAsync(Post(name + "乙"));
        var sites = await (await a.GetAsync("/api/sites")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotency-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("Idempotency-Key", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Single(sites.EnumerateArray(), s => s.GetProperty("name").GetString() == name);
        Assert.DoesNotContain(sites.EnumerateArray(), s => s.GetProperty("name").GetString() == name + "乙");
    }

    [Fact, Step(Number = 3)]
    public async Task OverlappingSitesPostedAtOnceToBothSilos_OneIsRegisteredAndTheOtherRefused()
    {
        using var a = await ClusterFixture.AdminAsync(cluster.A);
        using var b = await ClusterFixture.AdminAsync(cluster.B);
        var outcomes = new List<(HttpStatusCode A, HttpStatusCode B)>();
        for (var round = 0; round < 3; round++)
        {
            // Two 0.0006° squares overlapping by two thirds of their width, in free spots of the demo street (points do not count as overlapping).
            var (w, s) = (104.1040 + round * 0.0010, 30.3975);
            var posts = await Task.WhenAll(
                a.PostAsJsonAsync("/api/sites", new { name = $"重叠甲{Marker}-{round}", geometry = Square(w, s, 0.0006), owner = "兴隆街道", statusSince = "2026-01-05" }),
                b.PostAsJsonAsync("/api/sites", new { name = $"重叠乙{Marker}-{round}", geometry = Square(w + 0.0002, s, 0.0006), owner = "兴隆街道", statusSince = "2026-01-05" }));
            outcomes.Add((posts[0].StatusCode, posts[1].StatusCode));
        }
        output.WriteLine(string.Join(", ", outcomes.Select(o => $"A {(int)o.A} / B {(int)o.B}")));

        Assert.All(outcomes, o => Assert.Equal(
            new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }, new[] { o.A, o.B }.Order().ToArray()));
    }

    [Fact, Step(Number = 4)]
    public async Task RemindersKeptInPostgres_FollowTheTableContract()
    {
        var settings = new PlatformSettings(cluster.ConnectionString, Path.GetTempPath(), Path.GetTempPath(), null, 0, 0);
        await using var database = PlatformDatabase.Open(settings, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var table = new Platform.Host.Cluster.PostgresReminderTable(database,
            Microsoft.Extensions.Options.Options.Create(new Orleans.Configuration.ClusterOptions { ServiceId = "test-" + Marker }));
        await table.Init();
        var grain = GrainId.Create("test.escalation", "complaint-1");
        var other = GrainId.Create("test.escalation", "complaint-2");
        var start = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

        var first = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "escalate", StartAt = start, Period = TimeSpan.FromHours(1) });
        var second = await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "escalate", StartAt = start, Period = TimeSpan.FromHours(2) });
        await table.UpsertRow(new ReminderEntry { GrainId = other, ReminderName = "escalate", StartAt = start, Period = TimeSpan.FromMinutes(5) });
        var read = await table.ReadRow(grain, "escalate");
        var ofGrain = await table.ReadRows(grain);
        var h = other.GetUniformHashCode();
        var around = await table.ReadRows(unchecked(h - 1), h);        // (h-1, h] holds it
        var wrapped = await table.ReadRows(h, unchecked(h - 1));       // everything but h: wraps around the ring
        var staleRemoved = await table.RemoveRow(grain, "escalate", first!);
        var removed = await table.RemoveRow(grain, "escalate", second!);

        Assert.NotEqual(first, second);
        Assert.Equal(start, read!.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(2), read.Period);
        Assert.Equal(second, read.ETag);
        Assert.Single(ofGrain.Reminders);
        Assert.Contains(around.Reminders, r => r.GrainId == other);
        Assert.DoesNotContain(wrapped.Reminders, r => r.GrainId == other);
        Assert.False(staleRemoved);
        Assert.True(removed);
        Assert.Null(await table.ReadRow(grain, "escalate"));
    }

    [Fact, Step(Number = 5)]
    public async Task PostgresKilled_IsAnswered503ProblemJson_AndBothSilosRecoverByThemselves()
    {
        var postmaster = await PostmasterPidAsync();
        Process.Start("kill", ["-9", postmaster.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

        var statuses = new ConcurrentBag<(string What, HttpStatusCode Status, string Type, long Ms)>();
        var watch = Stopwatch.StartNew();
        var recovered = false;
        using var a = cluster.A.CreateClient();
        using var b = cluster.B.CreateClient();
        a.Timeout = b.Timeout = TimeSpan.FromSeconds(20);
        while (!recovered && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var answers = await Task.WhenAll(
                Probe(a, "/health", "A health"), Probe(b, "/health", "B health"),
                Probe(a, "/api/sites", "A sites"), Probe(b, "/api/sites", "B sites"));
            foreach (var answer in answers)
                statuses.Add(answer);
            recovered = answers.All(s => s.Status == HttpStatusCode.OK) && statuses.Any(s => s.Status != HttpStatusCode.OK);
            await Task.Delay(100);
        }
        output.WriteLine($"recovered after {watch.ElapsedMilliseconds} ms; answers: " +
            string.Join(", ", statuses.GroupBy(s => (s.What, s.Status)).Select(g => $"{g.Key.What} {(int)g.Key.Status}×{g.Count()}")));
        using var admin = await ClusterFixture.AdminAsync(cluster.B);
        var write = await admin.PostAsJsonAsync("/api/sites", new { name = "恢复后" + Marker, geometry = new { type = "Point", coordinates = new[] { 104.1043, 30.3972 } }, owner = "兴隆街道", statusSince = "2026-01-05" });

        Assert.True(recovered, "the silos did not answer 200 again within 60 s");
        Assert.Contains(statuses, s => s.Status == HttpStatusCode.ServiceUnavailable);
        Assert.All(statuses, s => Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{s.What}: {(int)s.Status}"));
        Assert.All(statuses.Where(s => s.What.EndsWith("sites") && s.Status == HttpStatusCode.ServiceUnavailable),
            s => Assert.Equal("application/problem+json", s.Type));
        Assert.All(statuses, s => Assert.True(s.Ms < 15_000, $"{s.What} took {s.Ms} ms"));
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.NotEqual(postmaster, await PostmasterPidAsync());
    }

    [Fact, Step(Number = 6)]
    public async Task SiloKilledUnderWriteLoad_LosesNoAcknowledgedWrite_AndItsGrainsAnswerThroughTheSurvivor()
    {
        using var a = await ClusterFixture.AdminAsync(cluster.A);
        using var b = await ClusterFixture.AdminAsync(cluster.B);
        var acknowledged = new ConcurrentBag<(Guid Id, string Silo)>();
        var counter = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));
        async Task WriteAsync(HttpClient client, string silo)
        {
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref counter);
                var point = new[] { 104.1030 + (i % 50) * 0.00004, 30.3980 + (i / 50) * 0.00004 };
                try
                {
                    var response = await client.PostAsJsonAsync("/api/sites",
                        new { name = $"负载{Marker}-{i}", geometry = new { type = "Point", coordinates = point }, owner = "兴隆街道", statusSince = "2026-01-05" });
                    if (response.StatusCode == HttpStatusCode.Created)
                        acknowledged.Add(((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), silo));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    if (silo == "B")
                        return; // B is gone
                }
            }
        }
        var writers = Enumerable.Range(0, 3).Select(_ => WriteAsync(a, "A")).Concat(Enumerable.Range(0, 3).Select(_ => WriteAsync(b, "B"))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        cluster.B.Crash();
        await Task.WhenAll(writers);
        await ClusterFixture.WaitForSilosAsync(cluster.A, 1, TimeSpan.FromSeconds(60));

        var stored = (await a.GetFromJsonAsync<JsonElement>("/api/sites")).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToHashSet();
        var viaB = acknowledged.Where(w => w.Silo == "B").Select(w => w.Id).ToList();
        var answers = new List<HttpStatusCode>();
        foreach (var id in viaB)
            answers.Add((await a.PostAsJsonAsync($"/api/sites/{id}/status", new { status = "approved", date = "2026-02-01", reason = "立项" })).StatusCode);
        output.WriteLine($"{acknowledged.Count} writes acknowledged ({viaB.Count} through B before its kill -9), {stored.Count} sites stored");

        Assert.True(viaB.Count > 0 && acknowledged.Count(w => w.Silo == "A") > viaB.Count / 2, "too little load to prove anything");
        Assert.All(acknowledged, w => Assert.Contains(w.Id, stored));
        Assert.All(answers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(await ClusterFixture.SilosAsync(cluster.A));
    }

    [Fact, Step(Number = 7)]
    public async Task ProjectionRebuild_ReproducesIdenticalReadModels()
    {
        var lastBefore = await ClusterFixture.LastEventAsync(cluster.ConnectionString);
        var before = await ClusterFixture.HashAsync(cluster.ConnectionString, withEvents: false);
        var (exit, text) = await HostProcess.RunVerbAsync(cluster.DataDirA, new Dictionary<string, string>(), "rebuild");
        var after = await ClusterFixture.HashAsync(cluster.ConnectionString, withEvents: false);
        // Read models may only be compared over the same events: an event appended meanwhile would change them either way.
        Assert.Equal(lastBefore, await ClusterFixture.LastEventAsync(cluster.ConnectionString));
        output.WriteLine(text);
        var differing = before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: before {before.GetValueOrDefault(t) ?? "absent"}, after {after.GetValueOrDefault(t) ?? "absent"}")
            .ToList();
        output.WriteLine($"{before.Count} tables; differing: {string.Join("; ", differing)}");

        Assert.True(exit == 0, text);
        Assert.Contains("SiteSummary", text);
        Assert.True(before.Count > 30, $"only {before.Count} document tables hashed");
        Assert.Empty(differing);
    }

    [Fact, Step(Number = 8)]
    public async Task Backup_RestoredIntoANewDataFolder_HoldsTheSameData_AndRestoreRefusesARunningHost()
    {
        var file = Path.Combine(TestServer.CreateFolder("backup"), "platform.dump");
        var (backupExit, backupText) = await HostProcess.RunVerbAsync(cluster.DataDirA, new Dictionary<string, string>(), "backup", file);
        var (refusedExit, refusedText) = await HostProcess.RunVerbAsync(cluster.DataDirA, new Dictionary<string, string>(), "restore", file);
        var restoredDir = TestServer.CreateFolder("restored");
        var (restoreExit, restoreText) = await HostProcess.RunVerbAsync(restoredDir, new Dictionary<string, string>(), "restore", file);
        var again = Path.Combine(Path.GetDirectoryName(file)!, "again.dump");
        var (againExit, againText) = await HostProcess.RunVerbAsync(restoredDir, new Dictionary<string, string>(), "backup", again);
        output.WriteLine(backupText + restoreText);

        Assert.True(backupExit == 0, backupText);
        Assert.Contains("platform.mt_events", backupText); // the progress names the tables
        Assert.Equal(3, refusedExit);
        Assert.True(restoreExit == 0, restoreText);
        Assert.True(againExit == 0, againText);
        // PostgreSQL's own pg_restore renders both dumps as SQL: the restored database holds exactly what was backed up.
        var original = await AsSqlAsync(file);
        var roundTripped = await AsSqlAsync(again);
        Assert.Contains("集群点位" + Marker, original);
        Assert.Equal(original, roundTripped);
    }

    private static async Task<string> AsSqlAsync(string dump)
    {
        var pgRestore = Path.Combine(PostgresBinaries.Locate(null).Directory, "pg_restore");
        var psi = new ProcessStartInfo(pgRestore) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])["--file=-", dump])
            psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // Comments, and the random key of psql's \restrict guard that every dump carries, differ between any two dumps.
        return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)
            && !l.StartsWith("\\restrict ", StringComparison.Ordinal) && !l.StartsWith("\\unrestrict ", StringComparison.Ordinal)));
    }

    private async Task<int> PostmasterPidAsync()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static async Task<(string What, HttpStatusCode Status, string Type, long Ms)> Probe(HttpClient client, string path, string what)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        return (what, response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", watch.ElapsedMilliseconds);
    }

    private static object Square(double w, double s, double size) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { w, s }, new[] { w + size, s }, new[] { w + size, s + size }, new[] { w, s + size }, new[] { w, s } } },
    };

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
