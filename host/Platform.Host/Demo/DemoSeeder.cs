using Marten;
using Microsoft.Extensions.Options;
using Platform.Host.Identity;
using Platform.Campaigns.Demo;
using Platform.Governance.Demo;
using Platform.Jurisdiction.Demo;
using Platform.Jurisdiction.Register;
using Platform.Linkage.Demo;
using Platform.Registers.Demo;

namespace Platform.Host.Demo;

/// <summary>
/// In demo mode (<c>Platform:Demo</c>, on unless set to false) loads the Xinglong Street demo on a
/// first start: users, then each register's demo data. Every part checks whether it is already there,
/// so later starts skip it. Runs before the web server answers, so <c>/health</c> is 200 only once the
/// demo is in place.
/// </summary>
internal sealed class DemoSeeder(
    IConfiguration configuration, UserDirectory users, IGrainFactory grains, IDocumentStore store,
    IOptions<JurisdictionOptions> jurisdiction, Platform.Abstractions.Registers.IRegisterReader registers, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Platform:Demo", true))
        {
            logger.LogInformation("Demo mode off: no demo users or data");
            return;
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await DemoUsers.EnsureAsync(users, cancellationToken);
        await XinglongJurisdictionDemo.SeedAsync(grains, store, jurisdiction.Value.StreetName, cancellationToken);
        await XinglongRegistersDemo.SeedAsync(grains, store, cancellationToken);
        await XinglongGovernanceDemo.SeedAsync(grains, store, registers, cancellationToken);
        await XinglongLinkageDemo.SeedAsync(grains, store, cancellationToken);
        await XinglongCampaignsDemo.SeedAsync(grains, store, registers, cancellationToken);
        await XinglongWorkDemo.SeedAsync(grains, store, cancellationToken);
        logger.LogInformation("Demo data of Xinglong Street in place ({Ms} ms)", watch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
