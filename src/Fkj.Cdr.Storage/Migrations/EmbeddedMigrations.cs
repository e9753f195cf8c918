using System.Reflection;
using System.Text.RegularExpressions;

namespace Fkj.Cdr.Storage.Migrations;

/// <summary>The migrations compiled into this assembly from <c>Migrations/Sql/NNNN_name.sql</c>, in order.</summary>
public static partial class EmbeddedMigrations
{
    private const string Prefix = "Fkj.Cdr.Storage.Migrations.Sql.";

    public static IReadOnlyList<Migration> All { get; } = Load(typeof(EmbeddedMigrations).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var fileName = resource[Prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new MigrationException($"Migration file '{fileName}' is not named NNNN_name.sql.");
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }
        return Ordered(migrations);
    }

    /// <summary>Sorts by version and rejects two migrations with one version.</summary>
    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var sorted = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Version == sorted[i - 1].Version)
            {
                throw new MigrationException($"Two migrations have version {sorted[i].Version}: '{sorted[i - 1].Name}' and '{sorted[i].Name}'.");
            }
        }
        if (sorted.Any(m => m.Version <= 0))
        {
            throw new MigrationException("Migration versions start at 1.");
        }
        return sorted;
    }

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
