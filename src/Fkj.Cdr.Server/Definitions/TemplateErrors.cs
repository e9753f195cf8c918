using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Templates.Opt.Parsing;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>The errors of the template registry, in the API's error form; composition endpoints reuse <see cref="NotFound"/>.</summary>
public static class TemplateErrors
{
    public const string InvalidTemplateCode = "invalid_template";
    public const string NotFoundCode = "template_not_found";
    public const string ConflictCode = "template_conflict";

    /// <summary>400: the OPT does not parse; every parse error is an issue with its element path, line and column.</summary>
    public static ApiException Invalid(OptParseException e)
    {
        var issues = e.Errors.Select(error => new ErrorIssue(error.Code, error.Message, error.NodePath ?? error.Path, error.Line, error.Column)).ToList();
        var first = e.Errors[0];
        var message = e.Errors.Count == 1
            ? $"The template is not a valid operational template: {first.Message} (line {first.Line}, column {first.Column})."
            : $"The template is not a valid operational template: {e.Errors.Count} problems; the first is {first.Message} (line {first.Line}, column {first.Column}).";
        return new ApiException(StatusCodes.Status400BadRequest, InvalidTemplateCode, message, issues);
    }

    /// <summary>404: the tenant has no template with this id.</summary>
    public static ApiException NotFound(string templateId) =>
        new(StatusCodes.Status404NotFound, NotFoundCode, $"There is no template '{templateId}'.");

    /// <summary>409: the tenant has a template with this id already, with other content.</summary>
    public static ApiException Conflict(string templateId, DateTimeOffset uploadedAt) =>
        new(StatusCodes.Status409Conflict, ConflictCode,
            $"A different template with id '{templateId}' was uploaded at {uploadedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}. " +
            "A stored template never changes: give a changed template a new id (for example a new version suffix).");
}
