using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>Signing in test clients through the real login endpoint.</summary>
public static class Auth
{
    public const string DemoPassword = "demo";

    /// <summary>A client carrying <paramref name="user"/>'s bearer token.</summary>
    public static async Task<HttpClient> ClientForAsync(this PlatformFactory factory, string user, string password = DemoPassword)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
