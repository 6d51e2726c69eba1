using System.Collections.Concurrent;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Identity;
using Platform.Abstractions.Security;

namespace Platform.Host.Identity;

/// <summary>
/// Creates users, checks passwords (ASP.NET Core Identity's hasher, with upgrade of older hashes), and keeps each user's
/// security stamp: every cookie and token carries the stamp it was issued with, and changing it (sign-out, password
/// change) revokes them all. Guessing is bounded by <see cref="SignInThrottle"/>, per address, so an account is never locked.
/// </summary>
public sealed class UserDirectory(IDocumentStore store, TimeProvider clock)
{
    /// <summary>The claim carrying the user's security stamp at sign-in.</summary>
    public const string StampClaim = "platform:security_stamp";

    private static readonly TimeSpan StampCacheTime = TimeSpan.FromSeconds(2);

    public enum SignInStatus { Succeeded, Failed, LockedOut, Disabled }

    public sealed record SignInOutcome(SignInStatus Status, UserAccount? User, DateTimeOffset? LockedUntil);

    private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset Read)> _stamps = new();

    internal SignInThrottle Throttle { get; } = new(clock);

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(Normalise(userName), ct);
    }

    /// <summary>Creates a user; answers false when the name is taken.</summary>
    public async Task<bool> CreateAsync(string userName, string displayName, string password, string[] roles, string? community, string createdBy, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var id = Normalise(userName);
        if (await session.LoadAsync<UserAccount>(id, ct) is not null)
            return false;
        session.Insert(new UserAccount
        {
            Id = id,
            DisplayName = displayName,
            Roles = roles,
            Community = community,
            PasswordHash = PasswordHasher.Hash(password),
            SecurityStamp = NewStamp(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        });
        session.LastModifiedBy = createdBy;
        session.Events.Append(UserStreams.Of(id), new UserAdded(id, displayName, roles, community));
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Checks a password for a sign-in from <paramref name="address"/>; wrong passwords count against that address only.</summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string address = "", CancellationToken ct = default)
    {
        var id = Normalise(userName);
        if (Throttle.Reserve(id, address) is { } lockedUntil)
            return new SignInOutcome(SignInStatus.LockedOut, null, lockedUntil);
        await using var session = store.LightweightSession();
        var user = await session.LoadAsync<UserAccount>(id, ct);
        if (user is null)
        {
            // Same work as a real check, so that timing does not reveal which names exist.
            PasswordHasher.Verify(password, DummyHash.Value);
            return Throttle.Failed(id, address) is { } locked ? new SignInOutcome(SignInStatus.LockedOut, null, locked) : new SignInOutcome(SignInStatus.Failed, null, null);
        }
        var verdict = PasswordHasher.Verify(password, user.PasswordHash);
        if (verdict == PasswordVerificationResult.Failed)
            return Throttle.Failed(id, address) is { } locked ? new SignInOutcome(SignInStatus.LockedOut, null, locked) : new SignInOutcome(SignInStatus.Failed, null, null);
        Throttle.Succeeded(id, address);
        if (user.Disabled)
            return new SignInOutcome(SignInStatus.Disabled, null, null);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded || string.IsNullOrEmpty(user.SecurityStamp))
        {
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
                user.PasswordHash = PasswordHasher.Hash(password);
            if (string.IsNullOrEmpty(user.SecurityStamp))
                user.SecurityStamp = NewStamp();
            session.Store(user);
            await session.SaveChangesAsync(ct);
        }
        return new SignInOutcome(SignInStatus.Succeeded, user, null);
    }

    /// <summary>Changes the password when <paramref name="current"/> is right; a new stamp revokes every earlier sign-in.</summary>
    public async Task<bool> ChangePasswordAsync(string userName, string current, string next, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var user = await session.LoadAsync<UserAccount>(Normalise(userName), ct);
        if (user is null || PasswordHasher.Verify(current, user.PasswordHash) == PasswordVerificationResult.Failed)
            return false;
        user.PasswordHash = PasswordHasher.Hash(next);
        user.SecurityStamp = NewStamp();
        session.Store(user);
        await session.SaveChangesAsync(ct);
        _stamps.TryRemove(user.Id, out _);
        return true;
    }

    /// <summary>Revokes every cookie and token of the user (sign-out).</summary>
    public async Task RevokeAsync(string userName, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<UserAccount>(Normalise(userName), ct) is not { } user)
            return;
        user.SecurityStamp = NewStamp();
        session.Store(user);
        await session.SaveChangesAsync(ct);
        _stamps.TryRemove(user.Id, out _);
    }

    /// <summary>True when the principal's stamp is its user's current one (read at most every two seconds per user).</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var name = principal.Identity?.Name;
        var stamp = principal.FindFirst(StampClaim)?.Value;
        if (name is null || stamp is null)
            return false;
        var now = clock.GetUtcNow();
        if (!_stamps.TryGetValue(name, out var cached) || now - cached.Read > StampCacheTime)
        {
            var user = await FindAsync(name, ct);
            if (user is null)
                return false;
            cached = (user.SecurityStamp, now);
            _stamps[name] = cached;
        }
        return cached.Stamp == stamp;
    }

    public static ClaimsPrincipal ToPrincipal(UserAccount user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Id),
            new(PlatformClaims.DisplayName, user.DisplayName),
            new(StampClaim, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.Community is not null)
            claims.Add(new Claim(PlatformClaims.Community, user.Community));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>True when <paramref name="password"/> signs <paramref name="userName"/> in (no throttling, no upgrade): the startup's demo-password check.</summary>
    public async Task<bool> HasPasswordAsync(string userName, string password, CancellationToken ct = default) =>
        await FindAsync(userName, ct) is { } user && PasswordHasher.Verify(password, user.PasswordHash) != PasswordVerificationResult.Failed;

    /// <summary>Drops the cached stamp of a user whose stamp an administrator changed.</summary>
    internal void Forget(string userId) => _stamps.TryRemove(userId, out _);

    internal static string NewStamp() => Guid.NewGuid().ToString("N");

    internal static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));
}
