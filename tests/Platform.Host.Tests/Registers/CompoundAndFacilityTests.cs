using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Registers;

public sealed class CompoundAndFacilityTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static object Square(double w, double s, double size) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { w, s }, new[] { w + size, s }, new[] { w + size, s + size }, new[] { w, s + size }, new[] { w, s } } },
    };

    [Fact]
    public async Task Worker_RegistersACompoundInTheirCommunity_ButNotInAnother()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");

        // 兴隆湖社区 covers 104.052–104.088°E north of the lake; 三根松社区 the south-east corner.
        var inside = await worker.PostAsJsonAsync("/api/compounds", new { name = "湖畔新苑", kind = "commercial", households = 120, geometry = Square(104.0655, 30.4150, 0.001) });
        var outside = await worker.PostAsJsonAsync("/api/compounds", new { name = "越界小区", kind = "commercial", households = 80, geometry = Square(104.1000, 30.3700, 0.001) });

        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    [Fact]
    public async Task Building_OutsideItsCompound_Is409()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/compounds", new { name = "楼栋测试小区", kind = "resettlement", households = 40, geometry = Square(104.0670, 30.4170, 0.001) });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var inside = await admin.PostAsJsonAsync($"/api/compounds/{id}/buildings", new { name = "1栋", floors = 6, households = 24, geometry = Square(104.0672, 30.4172, 0.0002) });
        var outside = await admin.PostAsJsonAsync($"/api/compounds/{id}/buildings", new { name = "2栋", floors = 6, households = 24, geometry = Square(104.0685, 30.4172, 0.0004) });
        var compound = await admin.GetFromJsonAsync<JsonElement>($"/api/compounds/{id}");

        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, outside.StatusCode);
        Assert.Equal(1, compound.GetProperty("buildings").GetArrayLength());
        Assert.Equal("兴隆湖社区", compound.GetProperty("community").GetString());
    }

    [Fact]
    public async Task Hub_IsRegisteredWithItsSpacesAsFacilities_AndABadSpaceWritesNothing()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var compounds = await admin.GetFromJsonAsync<JsonElement>("/api/compounds");
        var served = compounds.EnumerateArray().First().GetProperty("id").GetGuid();
        var point = new { type = "Point", coordinates = new[] { 104.0662, 30.4162 } };

        var created = await admin.PostAsJsonAsync("/api/service-hubs", new
        {
            name = "测试邻里中心", geometry = point, servedCompoundIds = new[] { served },
            spaces = new[] { new { name = "托育", category = "nursery", areaSquareMetres = 200.0 }, new { name = "食堂", category = "community_canteen", areaSquareMetres = 300.0 } },
        });
        var refused = await admin.PostAsJsonAsync("/api/service-hubs", new
        {
            name = "坏综合体", geometry = point, servedCompoundIds = new[] { served },
            spaces = new[] { new { name = "托育", category = "nursery", areaSquareMetres = 200.0 }, new { name = "", category = "gym", areaSquareMetres = 100.0 } },
        });
        var facilities = (await admin.GetFromJsonAsync<JsonElement>("/api/facilities")).EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        var hubs = (await admin.GetFromJsonAsync<JsonElement>("/api/service-hubs")).EnumerateArray().Select(h => h.GetProperty("name").GetString()!).ToList();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("测试邻里中心·托育", facilities);
        Assert.Contains("测试邻里中心·食堂", facilities);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("坏综合体", hubs);
        Assert.DoesNotContain(facilities, f => f.StartsWith("坏综合体", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"name\":\"无类别\",\"category\":\"spaceport\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[104.06,30.41]}}", "category")]
    [InlineData("{\"name\":\"面设施\",\"category\":\"kindergarten\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[104.06,30.41],[104.061,30.41],[104.061,30.411],[104.06,30.41]]]}}", "geometry")]
    [InlineData("{\"name\":\"缺位置\",\"category\":\"kindergarten\"}", "geometry")]
    public async Task Facility_WithBadInput_Is400NamingTheField(string json, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");

        var response = await admin.PostAsync("/api/facilities", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task ImportWithBadRows_RefusesTheWholeFileByDefault_AndKeepsTheGoodRowsWhenAskedTo()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var csv = "name,category,lon,lat\n导入幼儿园,kindergarten,104.0601,30.4101\n坏类别,spaceport,104.0602,30.4102\n导入卫生站,health_station,104.0603,30.4103\n,kindergarten,104.0604,30.4104\n";
        int Count(JsonElement all) => all.EnumerateArray().Count(f => f.GetProperty("name").GetString()!.StartsWith("导入", StringComparison.Ordinal));
        var before = Count(await admin.GetFromJsonAsync<JsonElement>("/api/facilities"));

        var refused = await admin.PostAsync("/api/imports/facilities?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var refusedBody = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var afterRefusal = Count(await admin.GetFromJsonAsync<JsonElement>("/api/facilities"));
        var partial = await admin.PostAsync("/api/imports/facilities?format=csv&mode=skip-invalid", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var partialBody = await partial.Content.ReadFromJsonAsync<JsonElement>();
        var afterPartial = Count(await admin.GetFromJsonAsync<JsonElement>("/api/facilities"));

        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal([2, 4], refusedBody.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).Distinct());
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(2, partialBody.GetProperty("imported").GetInt32());
        Assert.Equal(before + 2, afterPartial);
    }

    [Fact]
    public async Task Layers_IncludeTheRegistersDistributionMaps()
    {
        var layers = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/layers");

        var ids = layers.EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "registers-compounds", "registers-facilities", "registers-commercial", "registers-sites", "registers-zones", "base-water", "base-roads" }, ids);
    }
}
