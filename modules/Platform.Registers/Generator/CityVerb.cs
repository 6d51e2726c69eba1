using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Cli;
using Platform.Abstractions.Commands;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Spatial;

namespace Platform.Registers.Generator;

/// <summary>
/// <c>city [--scale street|district|N] [--communities N] [--compounds N] [--buildings N] [--facilities N] [--seed 23]
/// [--out DIR] [--load] [--parallel 4]</c>: generates a city (<see cref="CityGenerator"/>), writes it as four
/// GeoPackage files (communities, compounds, buildings, facilities; EPSG:4490) for other systems (<c>ogr2ogr</c> into
/// PostGIS), and with <c>--load</c> registers it in the platform, with a progress line per second.
/// </summary>
/// <remarks>
/// The load reads the files back with the reader of <c>POST /api/imports/{register}</c> (<see cref="GeoPackageFile"/>)
/// and registers each compound together with its buildings, and each facility, through their grains: the platform's
/// write path, every event attributed to the system user with the generator's reason. The HTTP import is not used:
/// it takes compounds without buildings and one file a request, and checks every row against every stored compound
/// before writing; the grains apply the same rules to each record. Communities are written to the file only: the
/// platform's jurisdiction register (which would make the street's territory and community checks apply) is not
/// generated. Ids are derived from the seed, so loading the same city twice refuses every record the second time.
/// </remarks>
internal sealed class CityVerb : ICliVerb
{
    public string Name => "city";

    public string Usage => "city [--scale street|district|N] [--compounds N] [--buildings N] [--facilities N] [--communities N] [--seed 23] [--out DIR] [--load] [--parallel 4]   a city-scale data set as GeoPackage, optionally loaded";

    public async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int? Int(string name) => int.TryParse(Arg(name), CultureInfo.InvariantCulture, out var v) ? v : null;
        if (CityScale.Parse(Arg("--scale")) is not { } preset)
        {
            output.WriteLine("--scale is street, district, or a number of streets (1–100).");
            return 2;
        }
        var scale = preset with
        {
            Communities = Int("--communities") ?? preset.Communities, Compounds = Int("--compounds") ?? preset.Compounds,
            Buildings = Int("--buildings") ?? preset.Buildings, Facilities = Int("--facilities") ?? preset.Facilities,
        };
        if (scale.Problem() is { } problem)
        {
            output.WriteLine($"Not a city: {problem} ({scale}).");
            return 2;
        }
        var seed = Int("--seed") ?? 23;
        var dataDir = services.GetRequiredService<IConfiguration>()["Platform:DataDir"] ?? ".";
        var folder = Path.GetFullPath(Arg("--out") ?? Path.Combine(dataDir, $"city-{seed}"));
        Directory.CreateDirectory(folder);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating (seed {seed}): {scale.Streets} streets, {scale.Communities} communities, {scale.Compounds} compounds, {scale.Buildings} buildings, {scale.Facilities} facilities …"));
        var watch = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var city = CityGenerator.Generate(scale, seed, (layer, done, total) =>
        {
            if (watch.Elapsed - last < TimeSpan.FromSeconds(1) && done < total)
                return;
            last = watch.Elapsed;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {watch.Elapsed.TotalSeconds,6:0.0}s  {layer,-11} {done,9}/{total}"));
        });
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated in {watch.Elapsed.TotalSeconds:0.0} s; SHA-256 {city.Sha256}"));
        foreach (var layer in city.Layers)
        {
            var file = Path.Combine(folder, layer.Name + ".gpkg");
            var started = watch.Elapsed;
            GeoPackageFile.Export(layer, file);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  wrote {file} ({layer.Features.Count} features, {new FileInfo(file).Length / 1e6:0.0} MB) in {(watch.Elapsed - started).TotalSeconds:0.0} s"));
        }
        if (!args.Contains("--load"))
            return 0;
        return await LoadAsync(services.GetRequiredService<IGrainFactory>(), folder, seed, Math.Clamp(Int("--parallel") ?? 4, 1, 64), output, ct);
    }

    private static async Task<int> LoadAsync(IGrainFactory grains, string folder, int seed, int parallel, TextWriter output, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var compounds = GeoPackageFile.Import(Path.Combine(folder, "compounds.gpkg")).Features;
        var buildings = GeoPackageFile.Import(Path.Combine(folder, "buildings.gpkg")).Features
            .ToLookup(b => Convert.ToInt64(b.Attributes["compound"], CultureInfo.InvariantCulture));
        var facilities = GeoPackageFile.Import(Path.Combine(folder, "facilities.gpkg")).Features;
        var read = watch.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {compounds.Count} compounds, {buildings.Sum(g => g.Count())} buildings, {facilities.Count} facilities back in {read.TotalSeconds:0.0} s; registering through the grains ({parallel} at a time) …"));
        var context = CommandContext.System($"城市规模生成器（seed {seed}）");
        var since = new DateOnly(2020, 1, 1);
        long doneCompounds = 0, doneBuildings = 0, doneFacilities = 0, refused = 0;
        var refusals = new List<string>();
        void Refused(string what, Rejection r)
        {
            Interlocked.Increment(ref refused);
            lock (refusals)
                if (refusals.Count < 5)
                    refusals.Add($"{what}: {r.Field}: {r.Reason}");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { break; }
                var s = (watch.Elapsed - read).TotalSeconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {s,6:0}s  compounds {Interlocked.Read(ref doneCompounds),8}/{compounds.Count}  buildings {Interlocked.Read(ref doneBuildings),9}  facilities {Interlocked.Read(ref doneFacilities),6}/{facilities.Count}  {(Interlocked.Read(ref doneCompounds) + Interlocked.Read(ref doneBuildings) + Interlocked.Read(ref doneFacilities)) / s,8:0} records/s  refused {Interlocked.Read(ref refused)}"));
            }
        }, CancellationToken.None);

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct };
        await Parallel.ForEachAsync(compounds, options, async (c, _) =>
        {
            var index = Convert.ToInt64(c.Attributes["compound"], CultureInfo.InvariantCulture);
            var own = buildings[index].Select(b => new AddBuilding((string)b.Attributes["name"]!, Convert.ToInt32(b.Attributes["floors"], CultureInfo.InvariantCulture),
                Convert.ToInt32(b.Attributes["households"], CultureInfo.InvariantCulture), WellKnownText.Write(b.Geometry))).ToArray();
            var command = new RegisterCompound((string)c.Attributes["name"]!, (string)c.Attributes["kind"]!, WellKnownText.Write(c.Geometry),
                Convert.ToInt32(c.Attributes["households"], CultureInfo.InvariantCulture), null, null, since) { Buildings = own };
            var result = await grains.GetGrain<ICompoundGrain>(Id(seed, "compound", index)).RegisterAsync(command, context);
            if (result.Rejection is { } r)
                Refused((string)c.Attributes["name"]!, r);
            else
            {
                Interlocked.Increment(ref doneCompounds);
                Interlocked.Add(ref doneBuildings, own.Length);
            }
        });
        await Parallel.ForEachAsync(facilities.Select((f, i) => (f, i)), options, async (item, _) =>
        {
            var (f, i) = item;
            var result = await grains.GetGrain<IFacilityGrain>(Id(seed, "facility", i)).RegisterAsync(
                new RegisterFacility((string)f.Attributes["name"]!, (string)f.Attributes["category"]!, WellKnownText.Write(f.Geometry), since, null), context);
            if (result.Rejection is { } r)
                Refused((string)f.Attributes["name"]!, r);
            else
                Interlocked.Increment(ref doneFacilities);
        });
        await stop.CancelAsync();
        await progress;
        var seconds = (watch.Elapsed - read).TotalSeconds;
        var records = doneCompounds + doneBuildings + doneFacilities;
        foreach (var line in refusals)
            output.WriteLine("  refused " + line);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {doneCompounds} compounds, {doneBuildings} buildings, {doneFacilities} facilities ({records} records, {refused} refused) in {seconds:0.0} s: {records / seconds:0} records/s."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load-summary compounds={doneCompounds} buildings={doneBuildings} facilities={doneFacilities} refused={refused} seconds={seconds:0.000}"));
        return refused == 0 ? 0 : 1;
    }

    // The same record gets the same id in every run of one seed (name-based, as RFC 4122 version 5 does with SHA-1).
    private static Guid Id(int seed, string kind, long index)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"city:{seed}:{kind}:{index}")));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
