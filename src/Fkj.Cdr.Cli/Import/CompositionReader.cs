using Fkj.Cdr.Cli.Generate;
using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Rm.Codecs.Json;
using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Rm.Records;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Ehr;

namespace Fkj.Cdr.Cli.Import;

/// <summary>
/// Reads a composition file as the REST API reads a body: canonical JSON with the RM codec, FLAT along the web template
/// of the source's template (as <c>POST /composition?templateId=</c>); then validates it against the template it names
/// with the template's compiled validator. Each refusal is the <see cref="Server.Errors.ApiException"/> the API would answer.
/// </summary>
public sealed class CompositionReader(CompositionFormat format, string flatTemplateId, TemplateSet templates)
{
    private static readonly SimplifiedFormats Simplified = new();

    /// <summary>The decoded, valid composition and its template.</summary>
    /// <exception cref="Server.Errors.ApiException">400 when it does not decode; 422 when it does not validate.</exception>
    public async Task<(Composition Composition, CompiledTemplate Template)> ReadAsync(byte[] body, CancellationToken cancellationToken)
    {
        Composition composition;
        if (format == CompositionFormat.Flat)
        {
            var flatTemplate = await templates.RequireAsync(flatTemplateId, cancellationToken);
            composition = Simplified.Decode(RmFormat.Flat, body, flatTemplate);
        }
        else
        {
            try
            {
                composition = (Composition)CanonicalJson.Decode(body, RmModel.Of<Composition>());
            }
            catch (RmFormatException e)
            {
                throw EhrErrors.InvalidBody("composition", e);
            }
        }
        var template = await templates.RequireAsync(composition.ArchetypeDetails?.TemplateId?.Value, cancellationToken);
        var result = template.Validator().Validate(composition);
        return result.IsValid ? (composition, template) : throw EhrErrors.Invalid(template.TemplateId, result);
    }

    /// <summary>Reads an EHR_STATUS file as <c>POST /ehr</c> reads its body: the RM codec, then the invariants the codec does not check.</summary>
    /// <exception cref="Server.Errors.ApiException">400.</exception>
    public static EhrStatus ReadEhrStatus(byte[] body)
    {
        EhrStatus status;
        try
        {
            status = (EhrStatus)CanonicalJson.Decode(body, RmModel.Of<EhrStatus>());
        }
        catch (RmFormatException e)
        {
            throw EhrErrors.InvalidBody("ehr_status", e);
        }
        var issues = EhrStatusRules.Check(status);
        return issues.Count == 0 ? status : throw EhrErrors.InvalidEhrStatus(issues);
    }
}
