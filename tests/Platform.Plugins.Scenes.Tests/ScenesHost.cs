using System.Net.Http.Json;
using System.Text.Json;
using Platform.Abstractions.Reports;
using Platform.Testing;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>One host with the Xinglong demo (jurisdiction, registers, users, the scenes' own demo data) for both scenes' tests.</summary>
[CollectionDefinition(Name)]
public sealed class ScenesCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "scenes host";
}

internal static class Scenes
{
    /// <summary>兴隆湖社区, where the demo worker works; 人才公寓 and 中交悦湖 lie in it, 北鑫苑 does not.</summary>
    public const string WorkerCommunity = "XL-XLH";

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string?> FieldAsync(this HttpResponseMessage response) => (await response.JsonAsync()).GetProperty("field").GetString();

    public static async Task<IReadOnlyDictionary<string, object?>> ReportDataAsync(this PlatformFactory factory, string section, ReportPeriod period) =>
        (IReadOnlyDictionary<string, object?>)await factory.Service<IReportSectionCatalog>().Active.Single(s => s.Id == section).DataAsync(period);
}
