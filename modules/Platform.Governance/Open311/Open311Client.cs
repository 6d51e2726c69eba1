using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Governance.Open311;

/// <summary>An Open311 client (a city system, a reporting app) with the hash of the API key it was issued.</summary>
public sealed class Open311Client
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public bool Revoked { get; set; }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>An administrator issued an API key to an Open311 client; only its SHA-256 is kept.</summary>
internal sealed record Open311ClientRegistered(string Name, string KeyHash, DateTimeOffset IssuedAt);

internal sealed class Open311ClientProjection : SingleStreamProjection<Open311Client, Guid>
{
    public Open311ClientProjection() => IncludeType<Open311ClientRegistered>();

    public override Open311Client Evolve(Open311Client? snapshot, Guid id, IEvent e) => e.Data is Open311ClientRegistered x
        ? new Open311Client { Id = id, Name = x.Name, KeyHash = x.KeyHash, IssuedAt = x.IssuedAt }
        : snapshot!;
}
