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
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public long Version { get; set; }

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>An administrator issued an API key to an Open311 client; only its SHA-256 is kept.</summary>
internal sealed record Open311ClientRegistered(string Name, string KeyHash, DateTimeOffset IssuedAt);

/// <summary>An administrator revoked the client's key: requests with it are refused from then on.</summary>
internal sealed record Open311ClientRevoked(string Reason, DateTimeOffset RevokedAt);

internal sealed class Open311ClientProjection : SingleStreamProjection<Open311Client, Guid>
{
    public Open311ClientProjection()
    {
        IncludeType<Open311ClientRegistered>();
        IncludeType<Open311ClientRevoked>();
    }

    public override Open311Client Evolve(Open311Client? snapshot, Guid id, IEvent e)
    {
        var client = e.Data switch
        {
            Open311ClientRegistered x => new Open311Client { Id = id, Name = x.Name, KeyHash = x.KeyHash, IssuedAt = x.IssuedAt },
            Open311ClientRevoked x when snapshot is not null => Revoke(snapshot, x),
            _ => snapshot,
        };
        if (client is not null)
            client.Version = e.Version;
        return client!;
    }

    private static Open311Client Revoke(Open311Client c, Open311ClientRevoked x)
    {
        (c.Revoked, c.RevokedAt, c.RevokedReason) = (true, x.RevokedAt, x.Reason);
        return c;
    }
}
