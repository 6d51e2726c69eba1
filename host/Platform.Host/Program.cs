using Platform.Host;

ParentProcessWatch.TerminateWithDotnetRun();
if (Platform.Host.Cli.PlatformCli.IsVerb(args))
    return await Platform.Host.Cli.PlatformCli.RunAsync(args);
var app = PlatformApplication.Build(args);
if (app is null)
    return 1;
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the end-to-end tests.</summary>
public partial class Program;
