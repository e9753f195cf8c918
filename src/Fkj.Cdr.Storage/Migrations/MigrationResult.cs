namespace Fkj.Cdr.Storage.Migrations;

/// <summary>What one run of the <see cref="MigrationRunner"/> did.</summary>
/// <param name="Applied">The versions this run applied, in order; empty when the schema was current.</param>
/// <param name="SchemaVersion">The highest applied version after the run.</param>
public sealed record MigrationResult(IReadOnlyList<int> Applied, int SchemaVersion);
