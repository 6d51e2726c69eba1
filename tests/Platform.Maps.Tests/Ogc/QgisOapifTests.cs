using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Maps.Tests.Support;

namespace Platform.Maps.Tests.Ogc;

/// <summary>
/// QGIS 3.22 (Debian python3-qgis, headless), the desktop GIS planners use, adds every collection of /ogc as an OAPIF
/// layer with no adapter: each is valid, and QGIS reads (every page) as many features as the API reports.
/// </summary>
[Collection(MapsHostCollection.Name)]
public sealed class QgisOapifTests(MapsHost host)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Qgis_AddsEveryCollection_AsAValidLayer_WithTheFeatureCountTheApiReports()
    {
        using var client = host.Process.CreateClient();
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var expected = new Dictionary<string, int>();
        foreach (var c in collections.GetProperty("collections").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            var items = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/{id}/items?limit=1");
            expected[id] = items.GetProperty("numberMatched").GetInt32();
        }

        var output = await RunQgisAsync(new Uri(host.Address, "ogc").ToString());
        var layers = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(l => l.GetProperty("id").GetString()!);

        Assert.Equal(expected.Keys.Order(), layers.Keys.Order());
        foreach (var (id, count) in expected)
        {
            var layer = layers[id];
            Assert.True(layer.GetProperty("valid").GetBoolean(), $"QGIS marks '{id}' invalid: {layer}");
            Assert.True(layer.GetProperty("read").GetInt32() == count, $"QGIS read {layer.GetProperty("read")} features of '{id}', the API reports {count}");
            Assert.True(layer.GetProperty("featureCount").GetInt64() == count, $"QGIS counts {layer.GetProperty("featureCount")} features in '{id}', the API reports {count}");
            Assert.True(layer.GetProperty("nullGeometries").GetInt32() == 0, $"QGIS finds NULL geometries in '{id}': {layer}");
        }
    }

    private static async Task<string> RunQgisAsync(string ogc)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Clients", "qgis_oapif.py");
        if (!File.Exists(Python) || !await HasQgisAsync())
            Assert.Fail($"QGIS is not installed: '{Python} -c \"import qgis.core\"' fails. Install the Debian package python3-qgis (build/test.sh does).");
        var config = Platform.Testing.TestServer.CreateFolder("qgis-profile");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(ogc);
        psi.Environment["QT_QPA_PLATFORM"] = "offscreen";
        psi.Environment["QGIS_CUSTOM_CONFIG_PATH"] = config;
        psi.Environment["XDG_RUNTIME_DIR"] = config;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(cts.Token);
        Assert.True(process.ExitCode == 0, $"QGIS script exited with {process.ExitCode}:\n{await stderr}\n{await stdout}");
        return await stdout;
    }

    private static async Task<bool> HasQgisAsync()
    {
        var psi = new ProcessStartInfo(Python, ["-c", "import qgis.core"]) { RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["QT_QPA_PLATFORM"] = "offscreen";
        using var process = Process.Start(psi)!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }
}
