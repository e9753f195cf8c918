using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Tenancy;

namespace Fkj.Cdr.Server.Auditing;

/// <summary>The audit action of an endpoint (<c>composition.read</c>), set with <see cref="AuditRouteExtensions.Audited{TBuilder}"/>.</summary>
public sealed record AuditAction(string Name);

/// <summary>
/// Audits the patient-data endpoints: takes the action from the endpoint and the EHR from the <c>ehr_id</c>
/// route value into the request's <see cref="AuditScope"/>, then lets the handler run. A refusal
/// (<see cref="ApiException"/>) or failure (any other exception) is recorded in a transaction of its own and
/// passed on; a success the service did not record is recorded here, so no request goes unaudited.
/// </summary>
public sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var scope = http.RequestServices.GetRequiredService<AuditScope>();
        var audit = http.RequestServices.GetRequiredService<PatientAudit>();
        var tenant = http.RequestServices.GetRequiredService<RequestTenant>().Id;
        scope.Action = http.GetEndpoint()?.Metadata.GetMetadata<AuditAction>()?.Name ?? $"{http.Request.Method} {http.Request.Path}";
        if (http.Request.RouteValues.TryGetValue("ehr_id", out var raw) && raw is string text)
        {
            if (Guid.TryParseExact(text, "D", out var ehrId))
            {
                scope.EhrId = ehrId;
            }
            else
            {
                scope.UnparsedEhrId = text.Length > 100 ? text[..100] : text;
            }
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch (ApiException e)
        {
            if (!scope.Recorded)
            {
                await audit.RecordOutcomeAsync(http, tenant, scope, e.Status, $"{e.Code}: {e.Message}");
            }
            throw;
        }
        catch (BadHttpRequestException e)
        {
            if (!scope.Recorded)
            {
                await audit.RecordOutcomeAsync(http, tenant, scope, e.StatusCode, e.Message);
            }
            throw;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            if (!scope.Recorded)
            {
                await audit.RecordOutcomeAsync(http, tenant, scope, 499, "the client went away before the answer");
            }
            throw;
        }
        catch (Exception e)
        {
            if (!scope.Recorded)
            {
                await audit.RecordOutcomeAsync(http, tenant, scope, StatusCodes.Status500InternalServerError, e.GetType().Name);
            }
            throw;
        }

        if (!scope.Recorded)
        {
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
            await audit.RecordOutcomeAsync(http, tenant, scope, status, null);
        }
        return result;
    }
}

/// <summary>Marks endpoints as audited patient-data endpoints.</summary>
public static class AuditRouteExtensions
{
    /// <summary>Gives the endpoint its audit action name and puts it under the <see cref="AuditFilter"/>.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditAction(action)).AddEndpointFilter<TBuilder, AuditFilter>();
}
