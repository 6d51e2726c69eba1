using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Architecture.Tests.Support;
using Platform.Host.Identity;
using Platform.Testing;

namespace Platform.Architecture.Tests;

/// <summary>
/// The <c>platform-plugin</c> template end to end: install it into a private hive, generate a plugin inside the
/// repository (so the root build settings and central package versions apply), run the generated tests (which builds
/// the plugin), deploy its output beside the shipped plugins, and start the real host on that folder.
/// </summary>
public sealed class TemplatePluginTests
{
    [Fact]
    public async Task A_plugin_generated_from_the_template_builds_passes_its_tests_loads_and_serves_its_endpoint_and_layer()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var id = $"tpl-{suffix}";
        var name = $"Platform.Plugins.Tpl{suffix}";
        var work = Repository.PathOf("artifacts", "template-test", suffix);
        var hive = Path.Combine(work, "hive");
        Directory.CreateDirectory(work);
        var passed = false;
        try
        {
            // Generous: on a quiet machine each step takes seconds, but a build on a busy one can take minutes.
            var minutes = TimeSpan.FromMinutes(10);
            await DotnetCli.RunAsync(work, minutes, "new", "install", Repository.PathOf("templates", "platform-plugin"), "--debug:custom-hive", hive);
            // artifacts/template-test/<suffix>/plugins/<name>/ lies five folders below the root.
            await DotnetCli.RunAsync(work, minutes, "new", "platform-plugin", "--debug:custom-hive", hive, "-n", name, "-o", work,
                "--pluginId", id, "--nameZh", "模板测试场景", "--nameEn", "Template test scene",
                "--sdkProject", "../../../../../modules/Platform.Abstractions/Platform.Abstractions.csproj");
            // The SDK is built already (the host depends on it): building only the generated projects keeps this test off the
            // module outputs that other builds may be writing, and saves the time of checking them.
            await DotnetCli.RunAsync(work, minutes, "build", Path.Combine(work, "plugins", name, name + ".csproj"), "-p:BuildProjectReferences=false");
            var tests = await DotnetCli.RunAsync(work, minutes, "test", Path.Combine(work, "tests", name + ".Tests", name + ".Tests.csproj"), "-p:BuildProjectReferences=false");
            Assert.Contains("Passed!", tests, StringComparison.Ordinal);

            var pluginDir = Path.Combine(work, "host-plugins");
            foreach (var shipped in Directory.GetDirectories(Repository.DeployedPlugins))
                CopyFolder(shipped, Path.Combine(pluginDir, Path.GetFileName(shipped)));
            CopyFolder(Path.Combine(work, "plugins", name, "bin", "Debug", "net10.0"), Path.Combine(pluginDir, name));

            await using var host = await PlatformFactory.StartAsync("template", pluginDir, new Dictionary<string, string> { ["Platform:Demo"] = "false" });
            await host.Service<UserDirectory>().CreateAsync("admin", "管理员", Auth.DemoPassword, ["administrator"], null, "test");
            var admin = await host.ClientForAsync("admin");

            var plugins = await admin.GetFromJsonAsync<JsonElement>("/api/plugins");
            var entry = plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
            Assert.True(entry.GetProperty("state").GetString() == "running", entry.ToString());
            Assert.Equal("模板测试场景", entry.GetProperty("nameZh").GetString());
            foreach (var scene in new[] { "smart", "vitality" })
                Assert.Equal("running", plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == scene).GetProperty("state").GetString());

            var created = await admin.PostAsJsonAsync($"/api/scenes/{id}/places", new { name = "兴隆湖", lon = 104.07, lat = 30.40 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var refused = await admin.PostAsJsonAsync($"/api/scenes/{id}/places", new { name = "", lon = 104.07, lat = 30.40 });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("name", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
            var places = await admin.GetFromJsonAsync<JsonElement>($"/api/scenes/{id}/places");
            var place = places.EnumerateArray().Single();
            Assert.Equal("兴隆湖", place.GetProperty("name").GetString());
            var history = await admin.GetFromJsonAsync<JsonElement>($"/api/scenes/{id}/places/{place.GetProperty("id").GetGuid()}/history");
            Assert.Equal($"{id}.place_recorded", history.EnumerateArray().Single().GetProperty("type").GetString());
            Assert.Equal("admin", history.EnumerateArray().Single().GetProperty("user").GetString());
            using (var anonymous = host.CreateClient())
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/scenes/{id}/places", new { name = "匿名", lon = 104.07, lat = 30.40 })).StatusCode);
                Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/scenes/{id}/places/{place.GetProperty("id").GetGuid()}/history")).StatusCode);
            }
            // The plugin's report section is in the annual summary, its figure computed from the one place.
            var summary = await admin.GetStringAsync($"/api/reports/annual?year={DateTime.Today.Year}&format=md");
            Assert.Contains("本期登记地点 1 处", summary, StringComparison.Ordinal);

            var layers = await admin.GetFromJsonAsync<JsonElement>("/api/layers");
            Assert.Contains(layers.EnumerateArray(), l => l.GetProperty("id").GetString() == $"{id}-places");
            passed = true;
        }
        finally
        {
            // A failed run leaves its folder under artifacts/ (git-ignored) for a look at what was generated.
            if (passed)
                Directory.Delete(work, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
