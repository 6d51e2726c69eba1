namespace Platform.Host.Database;

/// <summary>Finds the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>) of the machine's package.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Uses <paramref name="configured"/> when given, else the newest <c>/usr/lib/postgresql/N/bin</c>.
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">No server binaries were found.</exception>
    public static PostgresBinaries Locate(string? configured) => Locate(configured, "/usr/lib/postgresql");

    internal static PostgresBinaries Locate(string? configured, string root)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured))
            candidates.Add(configured);
        if (System.IO.Directory.Exists(root))
        {
            candidates.AddRange(System.IO.Directory.GetDirectories(root)
                .Select(d => (dir: d, version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .OrderByDescending(d => d.version)
                .Select(d => Path.Combine(d.dir, "bin")));
        }
        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return new PostgresBinaries(dir);
        }
        throw new PostgresNotInstalledException(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install them with `apt-get install postgresql`, " +
            "or set ConnectionStrings:Platform to use an existing server.");
    }
}
