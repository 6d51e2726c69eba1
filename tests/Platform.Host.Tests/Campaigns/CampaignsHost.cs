using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Campaigns;

/// <summary>One host on a copy of the demo database for every campaigns test; deadlines and the entry purge follow its clock.</summary>
public sealed class CampaignsHost() : ClockedDemoHost("campaigns");

[CollectionDefinition(Name)]
public sealed class CampaignsCollection : ICollectionFixture<CampaignsHost>
{
    public const string Name = "campaigns host";
}
