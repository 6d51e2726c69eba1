using System.Security.Claims;
using Marten;
using Platform.Abstractions.Security;

namespace Platform.Host.Identity;

/// <summary>Creates users and checks passwords, with lock-out after repeated failures.</summary>
public sealed class UserDirectory(IDocumentStore store, TimeProvider clock)
{
    public enum SignInStatus { Succeeded, Failed, LockedOut }

    public sealed record SignInOutcome(SignInStatus Status, UserAccount? User, DateTimeOffset? LockedUntil);

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
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = createdBy,
        });
        await session.SaveChangesAsync(ct);
        return true;
    }

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var user = await session.LoadAsync<UserAccount>(Normalise(userName), ct);
        if (user is null)
        {
            // Same work as a real check, so that timing does not reveal which names exist.
            PasswordHasher.Verify(password, DummyHash.Value);
            return new SignInOutcome(SignInStatus.Failed, null, null);
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
            return new SignInOutcome(SignInStatus.LockedOut, null, until);

        if (PasswordHasher.Verify(password, user.PasswordHash))
        {
            user.FailedAttempts = 0;
            user.LockedUntil = null;
            session.Store(user);
            await session.SaveChangesAsync(ct);
            return new SignInOutcome(SignInStatus.Succeeded, user, null);
        }
        user.FailedAttempts++;
        if (user.FailedAttempts >= LockoutPolicy.MaxFailedAttempts)
        {
            user.LockedUntil = now + LockoutPolicy.Duration;
            user.FailedAttempts = 0;
        }
        session.Store(user);
        await session.SaveChangesAsync(ct);
        return user.LockedUntil is { } locked && locked > now
            ? new SignInOutcome(SignInStatus.LockedOut, null, locked)
            : new SignInOutcome(SignInStatus.Failed, null, null);
    }

    public static ClaimsPrincipal ToPrincipal(UserAccount user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Id),
            new(PlatformClaims.DisplayName, user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.Community is not null)
            claims.Add(new Claim(PlatformClaims.Community, user.Community));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    private static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));
}
