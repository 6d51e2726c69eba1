namespace Platform.Abstractions.Cli;

/// <summary>
/// A command-line verb of the host (<c>Platform.Host &lt;verb&gt; …</c>). The host starts the whole stack
/// (store, silo, plugins) without the web server, runs the verb, and stops.
/// </summary>
public interface ICliVerb
{
    /// <summary>The verb, e.g. <c>report</c> or <c>user</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the verb; answers the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct);
}
