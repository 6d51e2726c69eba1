using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Linkage;

/// <summary>One host on a copy of the demo database for every linkage test; the notice period is judged against its clock.</summary>
public sealed class LinkageHost() : ClockedDemoHost("linkage");

[CollectionDefinition(Name)]
public sealed class LinkageCollection : ICollectionFixture<LinkageHost>
{
    public const string Name = "linkage host";
}
