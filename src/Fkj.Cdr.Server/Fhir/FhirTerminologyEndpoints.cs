using System.Buffers;
using System.Text.Json;
using Fkj.Cdr.Fhir;
using Fkj.Cdr.Fhir.Operations;
using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Server.Terminology;
using Fkj.Cdr.Terminology.Index;

namespace Fkj.Cdr.Server.Fhir;

/// <summary>
/// The FHIR R4 terminology operations under <c>/fhir/r4</c>: <c>CodeSystem/$lookup</c>, <c>CodeSystem/$subsumes</c>,
/// <c>CodeSystem/$validate-code</c>, <c>ValueSet/$validate-code</c> and <c>ValueSet/$expand</c>, each by GET with
/// query parameters or by POST with a Parameters body. Every answer, errors included, is <c>application/fhir+json</c>:
/// a failure is an OperationOutcome with its status (400 bad parameter or ECL, 404 unknown code system, value set or
/// code, 415 a body that is not FHIR JSON, 422 too costly, 503 no terminology loaded). Terminology is reference
/// data shared by every tenant, so these routes take no tenant.
/// </summary>
public static class FhirTerminologyEndpoints
{
    /// <summary>A Parameters body larger than this is refused; an operation's input is a handful of parameters.</summary>
    public const int MaxBodyBytes = 1 << 20;

    public static IEndpointRouteBuilder MapFhirTerminology(this IEndpointRouteBuilder endpoints)
    {
        var fhir = endpoints.MapGroup("/fhir/r4");
        Map(fhir, "CodeSystem/$lookup", (index, input, language) => new LookupOperation(index).Execute(input, language));
        Map(fhir, "CodeSystem/$subsumes", (index, input, _) => new SubsumesOperation(index).Execute(input));
        Map(fhir, "CodeSystem/$validate-code", (index, input, language) => new ValidateCodeOperation(index).CodeSystem(input, language));
        Map(fhir, "ValueSet/$validate-code", (index, input, language) => new ValidateCodeOperation(index).ValueSet(input, language));
        Map(fhir, "ValueSet/$expand", (index, input, language) => new ExpandOperation(index).Execute(input, language));
        return endpoints;
    }

    private static void Map(RouteGroupBuilder group, string pattern, Func<SnomedIndex, OperationInput, string?, IFhirResource> operation)
    {
        group.MapGet(pattern, (HttpContext context, SnomedCatalog catalog) =>
            Run(context, catalog, () => OperationInput.FromQuery(context.Request.Query.Select(q =>
                new KeyValuePair<string, IEnumerable<string?>>(q.Key, q.Value))), operation));
        group.MapPost(pattern, async (HttpContext context, SnomedCatalog catalog) =>
        {
            byte[]? body;
            try
            {
                body = await ReadBodyAsync(context);
            }
            catch (FhirException e)
            {
                return Fhir(e.ToOutcome(), e.Status);
            }

            return Run(context, catalog, () => body is null ? throw Unsupported(context) : OperationInput.FromParameters(ParametersReader.Read(body)), operation);
        });
    }

    private static IResult Run(HttpContext context, SnomedCatalog catalog, Func<OperationInput> input, Func<SnomedIndex, OperationInput, string?, IFhirResource> operation)
    {
        try
        {
            var index = catalog.Current ?? throw new FhirException(503, "transient",
                "terminology_not_loaded: no SNOMED CT release has been imported into this server.");
            var language = context.Request.Headers.AcceptLanguage.ToString();
            return Fhir(operation(index, input(), language.Length == 0 ? null : language), 200);
        }
        catch (FhirException e)
        {
            return Fhir(e.ToOutcome(), e.Status);
        }
    }

    /// <summary>The body when it is FHIR JSON (or plain JSON); null when the media type is something else.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var type = context.Request.ContentType ?? "";
        var media = type.Split(';')[0].Trim();
        if (!media.Equals(FhirMediaTypes.Json, StringComparison.OrdinalIgnoreCase) && !media.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(1024);
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.WrittenCount + read > MaxBodyBytes)
            {
                throw new FhirException(413, "too-costly", $"The body is larger than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk.AsSpan(0, read));
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static FhirException Unsupported(HttpContext context) =>
        new(415, "not-supported", $"The body must be a Parameters resource as {FhirMediaTypes.Json}, not '{context.Request.ContentType}'.");

    private static IResult Fhir(IFhirResource resource, int status) => new FhirResult(FhirJson.ToUtf8(resource), status);

    private sealed class FhirResult(byte[] body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = FhirMediaTypes.JsonUtf8;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        }
    }
}
