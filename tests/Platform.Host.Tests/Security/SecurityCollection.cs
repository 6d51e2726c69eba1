using Platform.Testing;

namespace Platform.Host.Tests.Security;

/// <summary>
/// One demo host for the security tests (authorization matrix, hostile input, concurrency, sign-in): they share it,
/// so each test leaves nothing behind that another reads (refused requests write nothing; what is written is its own).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "security";
}
