using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>Signing in test clients through the real login endpoint.</summary>
public static class Auth
{
    public const string DemoPassword = "demo";

    private static int _address;

    /// <summary>
    /// A client carrying <paramref name="user"/>'s bearer token. Each sign-in comes from an address of its own
    /// (TEST-NET-style 10.x.y.z set on the server's connection): the host limits sign-ins per address and per
    /// minute, and a test collection that signs in a hundred times a minute from one address would be throttled
    /// exactly as an attacker is. Every later request of the client goes through the factory's normal client.
    /// </summary>
    public static async Task<HttpClient> ClientForAsync(this PlatformFactory factory, string user, string password = DemoPassword)
    {
        var n = Interlocked.Increment(ref _address);
        var address = new IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
        using var signIn = new HttpClient(factory.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address))
        {
            BaseAddress = factory.Server.BaseAddress,
        };
        var response = await signIn.PostAsJsonAsync("/api/auth/login", new { username = user, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
