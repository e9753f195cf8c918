using Fkj.Cdr.Server.Database;

namespace Fkj.Cdr.Server.Health;

/// <summary><c>GET /health</c>: 200 with status up when the database answers, 503 with status down and the error otherwise.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (DatabaseService database, CancellationToken cancellationToken) =>
        {
            var health = await database.CheckHealthAsync(cancellationToken);
            var status = health.IsUp ? "up" : "down";
            var body = new HealthResponse(status, new DatabaseStatus(status, health.Version, health.SchemaVersion, health.Error));
            return Results.Json(body, statusCode: health.IsUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
