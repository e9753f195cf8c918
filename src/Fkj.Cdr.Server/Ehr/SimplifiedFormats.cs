using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Templates.Flat;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>
/// The FLAT and STRUCTURED formats of compositions (<see cref="RmFormat.Flat"/>, <see cref="RmFormat.Structured"/>),
/// which need the composition's template (its web template) to convert. The composition endpoints reach them
/// only through this interface, registered as a singleton: <see cref="SimplifiedFormats"/>, the converter of
/// Fkj.Cdr.Templates/Flat; <see cref="SimplifiedFormatsHook"/> turns both formats off.
/// </summary>
public interface ISimplifiedFormats
{
    /// <summary>Whether FLAT and STRUCTURED can be read and written.</summary>
    bool IsAvailable { get; }

    /// <summary>Converts a FLAT or STRUCTURED body of <paramref name="template"/> into a composition.</summary>
    /// <exception cref="ApiException">400 when the body does not convert, with every problem as an issue.</exception>
    Composition Decode(RmFormat format, byte[] body, CompiledTemplate template);

    /// <summary>Converts a composition of <paramref name="template"/> into FLAT or STRUCTURED JSON (UTF-8).</summary>
    byte[] Encode(RmFormat format, Composition composition, CompiledTemplate template);
}

/// <summary>
/// FLAT and STRUCTURED through Fkj.Cdr.Templates/Flat (<see cref="FlatComposition"/>, <see cref="StructuredComposition"/>),
/// along the template's web template (built once per template and kept with it).
/// </summary>
public sealed class SimplifiedFormats : ISimplifiedFormats
{
    public bool IsAvailable => true;

    public Composition Decode(RmFormat format, byte[] body, CompiledTemplate template)
    {
        try
        {
            return format == RmFormat.Flat
                ? FlatComposition.Decode(body, template.WebTemplate())
                : StructuredComposition.Decode(body, template.WebTemplate());
        }
        catch (RmFormatException e)
        {
            throw EhrErrors.InvalidBody("composition", e);
        }
    }

    public byte[] Encode(RmFormat format, Composition composition, CompiledTemplate template) =>
        format == RmFormat.Flat
            ? FlatComposition.Encode(composition, template.WebTemplate())
            : StructuredComposition.Encode(composition, template.WebTemplate());
}

/// <summary>
/// FLAT and STRUCTURED turned off: a FLAT or STRUCTURED body is a 415 and such an Accept a 406, each saying so.
/// (The hook the composition endpoints were written against before the converter landed; kept for deployments
/// and tests that want the canonical formats only.)
/// </summary>
public sealed class SimplifiedFormatsHook : ISimplifiedFormats
{
    public bool IsAvailable => false;

    public Composition Decode(RmFormat format, byte[] body, CompiledTemplate template) =>
        throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
            $"{RmFormats.MediaType(format)} is not supported yet; send canonical JSON (application/json) or XML (application/xml).");

    public byte[] Encode(RmFormat format, Composition composition, CompiledTemplate template) =>
        throw new ApiException(StatusCodes.Status406NotAcceptable, "not_acceptable",
            $"{RmFormats.MediaType(format)} is not offered yet; ask for canonical JSON (application/json) or XML (application/xml).");
}
