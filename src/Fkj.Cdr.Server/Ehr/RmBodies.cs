using System.Text;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Codecs.Xml;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Http;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>Reads RM resources from request bodies and writes them as responses, in the format the client sends or accepts.</summary>
public static class RmBodies
{
    private static readonly string[] Canonical = [MediaTypes.Json, MediaTypes.Xml];

    /// <summary>The body's bytes, within <see cref="ServerOptions.MaxBodySize"/> (else 413); empty when there is none.</summary>
    public static Task<byte[]> ReadAsync(HttpRequest request, ServerOptions options, string what, CancellationToken cancellationToken) =>
        RequestBody.ReadAsync(request, options.MaxBodySize, what, "--max-body-size", cancellationToken);

    /// <summary>Whether a body has anything but white space in it.</summary>
    public static bool IsEmpty(byte[] body) => body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    /// <summary>
    /// An EHR_STATUS body in canonical JSON or XML, checked against the RM invariants; null when the body is empty
    /// and <paramref name="required"/> is false.
    /// </summary>
    /// <exception cref="ApiException">400 (malformed, breaks the RM, or missing when required); 415; 413.</exception>
    public static async Task<EhrStatus?> ReadEhrStatusAsync(HttpRequest request, ServerOptions options, bool required, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, options, "EHR_STATUS", cancellationToken);
        if (IsEmpty(body))
        {
            return required ? throw EhrErrors.BodyRequired("EHR_STATUS") : null;
        }
        var format = RmFormats.OfContentType(request.ContentType);
        if (format is not (RmFormat.Json or RmFormat.Xml))
        {
            throw EhrErrors.UnsupportedMediaType(request.ContentType, Canonical);
        }
        EhrStatus status;
        try
        {
            status = (EhrStatus)Decode(format.Value, body, RmModel.Of<EhrStatus>());
        }
        catch (RmFormatException e)
        {
            throw EhrErrors.InvalidBody("ehr_status", e);
        }
        var issues = EhrStatusRules.Check(status);
        return issues.Count == 0 ? status : throw EhrErrors.InvalidEhrStatus(issues);
    }

    /// <summary>
    /// A composition body in any <see cref="RmFormat"/>, validated against the template it names (for FLAT and
    /// STRUCTURED, the template of the <c>templateId</c> query parameter); returns it with its template.
    /// </summary>
    /// <exception cref="ApiException">400 (malformed); 413; 415; 422 (unknown template, fails validation).</exception>
    public static async Task<(Composition Composition, CompiledTemplate Template)> ReadCompositionAsync(HttpContext http, string tenantId,
        CompositionService compositions, ISimplifiedFormats simplified, ServerOptions options, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var body = await ReadAsync(request, options, "composition", cancellationToken);
        if (IsEmpty(body))
        {
            throw EhrErrors.BodyRequired("composition");
        }
        var format = RmFormats.OfContentType(request.ContentType)
            ?? throw EhrErrors.UnsupportedMediaType(request.ContentType, [MediaTypes.Json, MediaTypes.Xml, RmFormats.FlatJson, RmFormats.StructuredJson]);
        if (format is RmFormat.Flat or RmFormat.Structured)
        {
            if (!simplified.IsAvailable)
            {
                return (simplified.Decode(format, body, null!), null!);
            }
            var templateId = request.Query["templateId"].ToString();
            if (templateId.Length == 0)
            {
                throw EhrErrors.FlatTemplateIdMissing(format);
            }
            var template = await compositions.TemplateOfAsync(tenantId, templateId, cancellationToken);
            var converted = simplified.Decode(format, body, template);
            return (converted, await compositions.ValidateAsync(tenantId, converted, cancellationToken));
        }
        Composition composition;
        try
        {
            composition = (Composition)Decode(format, body, RmModel.Of<Composition>());
        }
        catch (RmFormatException e)
        {
            throw EhrErrors.InvalidBody("composition", e);
        }
        return (composition, await compositions.ValidateAsync(tenantId, composition, cancellationToken));
    }

    /// <summary>The format to answer a read of a LOCATABLE in, from Accept (canonical JSON when there is none).</summary>
    /// <exception cref="ApiException">406.</exception>
    public static RmFormat Accepted(HttpRequest request, bool simplifiedToo, ISimplifiedFormats? simplified = null)
    {
        RmFormat[] offered = simplifiedToo && simplified is { IsAvailable: true }
            ? [RmFormat.Json, RmFormat.Xml, RmFormat.Flat, RmFormat.Structured]
            : [RmFormat.Json, RmFormat.Xml];
        if (RmFormats.Negotiate(request, offered) is { } format)
        {
            return format;
        }
        if (simplifiedToo && RmFormats.Negotiate(request, RmFormat.Flat, RmFormat.Structured) is { } wanted)
        {
            simplified?.Encode(wanted, null!, null!); // the hook's 406 says why
        }
        throw EhrErrors.NotAcceptable("This resource", offered.Select(RmFormats.MediaType));
    }

    /// <summary>Writes a stored document (compact canonical JSON) in <paramref name="format"/>.</summary>
    public static async Task WriteDocumentAsync(HttpResponse response, RmFormat format, string document, Func<Task<CompiledTemplate>>? template,
        ISimplifiedFormats? simplified, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case RmFormat.Json:
                await OpenEhrHttp.WriteUtf8Async(response, MediaTypes.Json, document, cancellationToken);
                break;
            case RmFormat.Xml:
                await OpenEhrHttp.WriteBytesAsync(response, MediaTypes.Xml, EncodeXml(CanonicalJson.Decode(Encoding.UTF8.GetBytes(document))), cancellationToken);
                break;
            default:
                var composition = Commits.Decode<Composition>(document);
                await OpenEhrHttp.WriteBytesAsync(response, RmFormats.MediaType(format),
                    simplified!.Encode(format, composition, await template!()), cancellationToken);
                break;
        }
    }

    /// <summary>Writes an RM object as canonical JSON or XML.</summary>
    public static Task WriteAsync(HttpResponse response, RmFormat format, RmObject value, CancellationToken cancellationToken) =>
        format == RmFormat.Xml
            ? OpenEhrHttp.WriteBytesAsync(response, MediaTypes.Xml, EncodeXml(value), cancellationToken)
            : OpenEhrHttp.WriteBytesAsync(response, MediaTypes.Json, CanonicalJson.Encode(value), cancellationToken);

    /// <summary>Canonical XML of an RM object.</summary>
    /// <exception cref="Errors.ApiException">
    /// 406 when a text holds a character XML 1.0 cannot carry (a control character such as U+0001, which JSON can):
    /// the object stays readable as JSON.
    /// </exception>
    public static byte[] EncodeXml(RmObject value)
    {
        try
        {
            return CanonicalXml.Encode(value);
        }
        catch (ArgumentException e)
        {
            throw new Errors.ApiException(StatusCodes.Status406NotAcceptable, "not_representable_as_xml",
                $"This resource holds text that XML 1.0 cannot carry ({e.Message}); read it as {MediaTypes.Json}.");
        }
    }

    private static RmObject Decode(RmFormat format, byte[] body, RmType expected) =>
        format == RmFormat.Xml ? CanonicalXml.Decode(body, expected) : CanonicalJson.Decode(body, expected);
}
