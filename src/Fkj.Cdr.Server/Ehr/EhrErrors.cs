using Fkj.Cdr.Rm.Codecs;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Templates.Validation;

namespace Fkj.Cdr.Server.Ehr;

/// <summary>The refusals of the EHR API, each with its status and stable code.</summary>
public static class EhrErrors
{
    public static ApiException EhrNotFound(Guid ehrId) =>
        new(StatusCodes.Status404NotFound, "ehr_not_found", $"There is no EHR {ehrId:D}.");

    public static ApiException SubjectNotFound(string id, string ns) =>
        new(StatusCodes.Status404NotFound, "ehr_not_found", $"There is no EHR of subject '{id}' in namespace '{ns}'.");

    public static ApiException InvalidEhrId(string text) =>
        new(StatusCodes.Status400BadRequest, "invalid_ehr_id", $"'{Shorten(text)}' is not an EHR id: EHR ids on this server are UUIDs (such as 7d44b88c-4199-4bad-97dc-d78268e01398).");

    public static ApiException EhrIdTaken(Guid ehrId) =>
        new(StatusCodes.Status409Conflict, "ehr_exists", $"An EHR with id {ehrId:D} exists already.");

    public static ApiException SubjectTaken(string id, string ns) =>
        new(StatusCodes.Status409Conflict, "subject_has_ehr", $"The subject '{id}' in namespace '{ns}' has an EHR already; a subject has one EHR.");

    public static ApiException NotModifiable(Guid ehrId) =>
        new(StatusCodes.Status409Conflict, "ehr_not_modifiable", $"The EHR {ehrId:D} is not modifiable (its EHR_STATUS has is_modifiable false).");

    public static ApiException InvalidUid(string text, string what) =>
        new(StatusCodes.Status400BadRequest, "invalid_uid",
            $"'{Shorten(text)}' is not {what}: a versioned object id is a UUID, a version uid is {{uuid}}::{{system_id}}::{{version}}.");

    public static ApiException VersionUidRequired(string text) =>
        new(StatusCodes.Status400BadRequest, "version_uid_required",
            $"'{Shorten(text)}' is a versioned object id; name the version to delete, the latest version uid ({{uuid}}::{{system_id}}::{{version}}).");

    public static ApiException CompositionNotFound(Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "composition_not_found", $"The EHR {ehrId:D} has no composition {uid}.");

    public static ApiException NoVersionAtTime(string what, Guid ehrId, DateTimeOffset time) =>
        new(StatusCodes.Status404NotFound, "version_not_found", $"The EHR {ehrId:D} had no {what} at {time:O}.");

    public static ApiException VersionNotFound(string what, Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "version_not_found", $"The EHR {ehrId:D} has no {what} version {uid}.");

    public static ApiException ContributionNotFound(Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "contribution_not_found", $"The EHR {ehrId:D} has no contribution {uid}.");

    public static ApiException CompositionDeleted(Guid ehrId, string uid) =>
        new(StatusCodes.Status404NotFound, "composition_deleted", $"The composition {uid} of EHR {ehrId:D} is deleted; its versions stay readable by version uid.");

    public static ApiException AlreadyDeleted(string uid) =>
        new(StatusCodes.Status400BadRequest, "already_deleted", $"The composition {uid} is deleted already.");

    public static ApiException IfMatchRequired() =>
        new(StatusCodes.Status400BadRequest, "if_match_required",
            "Send If-Match with the version uid of the latest version, in double quotes (\"{uuid}::{system_id}::{version}\"): an update names the version it replaces.");

    public static ApiException InvalidIfMatch(string text) =>
        new(StatusCodes.Status400BadRequest, "invalid_if_match", $"If-Match '{Shorten(text)}' is not a version uid in double quotes (\"{{uuid}}::{{system_id}}::{{version}}\").");

    /// <summary>412: the version named is not the latest; the latest version uid goes in the ETag.</summary>
    public static ApiException Stale(string named, string latest) =>
        new(StatusCodes.Status412PreconditionFailed, "version_conflict",
            $"{named} is not the latest version; the latest is {latest} (in the ETag). Read it, apply the change to it, and send its uid in If-Match.");

    /// <summary>409 for DELETE: the version named is not the latest.</summary>
    public static ApiException NotLatest(string named, string latest) =>
        new(StatusCodes.Status409Conflict, "version_conflict", $"{named} is not the latest version; the latest is {latest} (in the ETag).");

    public static ApiException UidMismatch(string inBody, Guid inUrl) =>
        new(StatusCodes.Status400BadRequest, "uid_mismatch", $"The body's uid {inBody} is not of the versioned object {inUrl:D} named in the URL.", path: "/uid");

    public static ApiException InvalidVersionAtTime(string text) =>
        new(StatusCodes.Status400BadRequest, "invalid_version_at_time", $"version_at_time '{Shorten(text)}' is not an ISO 8601 date-time (such as 2025-03-14T08:13:27.123+01:00).");

    public static ApiException MissingSubjectParameters() =>
        new(StatusCodes.Status400BadRequest, "bad_request", "Give both subject_id and subject_namespace to find an EHR by its subject.");

    public static ApiException InvalidBody(string what, RmFormatException e) =>
        new(StatusCodes.Status400BadRequest, $"invalid_{what}",
            $"The body is not a valid {what.Replace('_', ' ')}: {e.Errors.Count} problem{(e.Errors.Count == 1 ? "" : "s")}, such as: {e.Errors[0].Message}",
            e.Errors.Select(r => new ErrorIssue(r.Code, r.Message, r.Path, r.Line, r.Column)).ToList());

    public static ApiException InvalidEhrStatus(IReadOnlyList<ErrorIssue> issues) =>
        new(StatusCodes.Status400BadRequest, "invalid_ehr_status",
            $"The EHR_STATUS breaks the RM: {issues.Count} problem{(issues.Count == 1 ? "" : "s")}, such as: {issues[0].Message}", issues);

    public static ApiException MissingTemplateId() =>
        new(StatusCodes.Status422UnprocessableEntity, "template_id_missing",
            "The composition names no template: set archetype_details/template_id/value at its root.", path: "/archetype_details/template_id");

    public static ApiException FlatTemplateIdMissing(RmFormat format) =>
        new(StatusCodes.Status400BadRequest, "template_id_missing",
            $"A {(format == RmFormat.Flat ? "FLAT" : "STRUCTURED")} composition names no template of its own: give its template id in the templateId query parameter (.../composition?templateId=...).");

    public static ApiException UnknownTemplate(string templateId) =>
        new(StatusCodes.Status422UnprocessableEntity, "unknown_template",
            $"The composition is of template '{templateId}', which this tenant does not have; upload it first (POST /openehr/v1/definition/template/adl1.4).",
            path: "/archetype_details/template_id");

    public static ApiException TemplateChanged(string previous, string now) =>
        new(StatusCodes.Status422UnprocessableEntity, "template_mismatch",
            $"The composition's versions are of template '{previous}'; a new version cannot be of '{now}'. Commit a new composition instead.",
            path: "/archetype_details/template_id");

    public static ApiException Invalid(string templateId, ValidationResult result) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid_composition",
            $"The composition does not conform to template '{templateId}': {result.Errors.Count} problem{(result.Errors.Count == 1 ? "" : "s")}, such as: {result.Errors[0].Path}: {result.Errors[0].Message}",
            result.Errors.Select(e => new ErrorIssue(e.Code, $"{e.Message} (allowed: {e.Constraint}; found: {(e.Found.Length == 0 ? "nothing" : e.Found)})", e.Path)).ToList());

    public static ApiException TooManyNodes(string message) =>
        new(StatusCodes.Status422UnprocessableEntity, "too_many_nodes", message);

    public static ApiException NotAcceptable(string what, IEnumerable<string> offered) =>
        new(StatusCodes.Status406NotAcceptable, "not_acceptable", $"{what} is offered as {string.Join(", ", offered)}.");

    public static ApiException UnsupportedMediaType(string? contentType, IEnumerable<string> accepted) =>
        new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
            $"Send the body as {string.Join(", ", accepted)}, not {(string.IsNullOrEmpty(contentType) ? "without a Content-Type" : $"'{contentType}'")}.");

    public static ApiException BodyRequired(string what) =>
        new(StatusCodes.Status400BadRequest, "body_required", $"The request needs a body: the {what}.");

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;
}
