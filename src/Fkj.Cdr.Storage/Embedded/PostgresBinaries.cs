namespace Fkj.Cdr.Storage.Embedded;

/// <summary>
/// Where the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) are: an explicit
/// directory, else the PATH, else the newest <c>/usr/lib/postgresql/*/bin</c> (Debian and Ubuntu).
/// </summary>
public sealed record PostgresBinaries(string Directory)
{
    public const int MinimumMajorVersion = 15;

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    public string Postgres => Path.Combine(Directory, "postgres");

    public static PostgresBinaries Find(string? directory = null)
    {
        if (!string.IsNullOrEmpty(directory))
        {
            return HasAll(directory)
                ? new PostgresBinaries(Path.GetFullPath(directory))
                : throw new EmbeddedPostgresException($"initdb, pg_ctl and postgres were not all found in '{directory}'.");
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasAll(dir))
            {
                return new PostgresBinaries(Path.GetFullPath(dir));
            }
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debianRoot))
        {
            var best = System.IO.Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => x.Version >= MinimumMajorVersion && HasAll(x.Dir))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return new PostgresBinaries(best.Dir);
            }
        }
        throw new EmbeddedPostgresException(
            $"PostgreSQL {MinimumMajorVersion} server programs (initdb, pg_ctl, postgres) were not found on PATH or in {debianRoot}/*/bin. " +
            "Install them (Debian/Ubuntu: apt-get install postgresql-15) or pass a connection string to an existing PostgreSQL.");
    }

    private static bool HasAll(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));
}
