namespace Fkj.Cdr.Server.Health;

/// <summary>The body of <c>GET /health</c>.</summary>
public sealed record HealthResponse(string Status, DatabaseStatus Database);

/// <summary>The database part of <see cref="HealthResponse"/>; version and schema version when up, the error when down.</summary>
public sealed record DatabaseStatus(string Status, string? Version = null, int? SchemaVersion = null, string? Error = null);
