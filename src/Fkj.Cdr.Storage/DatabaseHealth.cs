namespace Fkj.Cdr.Storage;

/// <summary>The answer of one health check of the database.</summary>
/// <param name="IsUp">Whether the database answered.</param>
/// <param name="Version">The server's <c>version()</c>, when up.</param>
/// <param name="SchemaVersion">The highest applied migration, when up.</param>
/// <param name="Error">Why the check failed, when down.</param>
public sealed record DatabaseHealth(bool IsUp, string? Version, int? SchemaVersion, string? Error)
{
    public static DatabaseHealth Up(string version, int schemaVersion) => new(true, version, schemaVersion, null);

    public static DatabaseHealth Down(string error) => new(false, null, null, error);
}
