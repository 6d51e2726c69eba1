using Platform.Abstractions.Cli;
using Platform.Abstractions.Security;
using Platform.Host.Identity;

namespace Platform.Host.Cli;

/// <summary>
/// <c>user add NAME --role ROLE [--community CODE] [--display-name 名称]</c>: creates a user; the password
/// is read from <c>PLATFORM_NEW_PASSWORD</c> or, interactively, from standard input. This is how the first
/// administrator of a deployment without demo data is created.
/// </summary>
internal sealed class UserVerb : ICliVerb
{
    public string Name => "user";

    public string Usage => "user add NAME --role administrator|planner|worker|developer|resident [--community CODE] [--display-name NAME]   (password from PLATFORM_NEW_PASSWORD or stdin)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        if (args.Count < 2 || args[0] != "add")
        {
            output.WriteLine("Usage: " + Usage);
            return 2;
        }
        var name = args[1];
        var role = Option(args, "--role");
        if (role is null || !PlatformRoles.All.Contains(role))
        {
            output.WriteLine($"--role must be one of: {string.Join(", ", PlatformRoles.All)}");
            return 2;
        }
        var community = Option(args, "--community");
        if (role == PlatformRoles.Worker && community is null)
        {
            output.WriteLine("A worker needs --community CODE (the code of their community, e.g. XL-XLH).");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("PLATFORM_NEW_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            output.Write("Password: ");
            password = Console.ReadLine();
        }
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            output.WriteLine("The password must have at least 8 characters.");
            return 2;
        }
        var created = await services.GetRequiredService<UserDirectory>()
            .CreateAsync(name, Option(args, "--display-name") ?? name, password, [role], community, "cli", ct);
        output.WriteLine(created ? $"User {name} ({role}) created." : $"User {name} already exists; nothing changed.");
        return created ? 0 : 1;
    }

    private static string? Option(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == option)
                return args[i + 1];
        }
        return null;
    }
}
