namespace Fkj.Cdr.Server.Auditing;

/// <summary>
/// The audit log of the template registry: uploads and reads, each with tenant and actor, as structured
/// log events of the category <c>Fkj.Cdr.Audit.Templates</c>. Templates are not patient data, so the
/// log is the whole of their audit trail; patient data will get an audit table of its own.
/// </summary>
public sealed partial class TemplateAudit
{
    public const string Category = "Fkj.Cdr.Audit.Templates";

    private readonly ILogger _logger;

    public TemplateAudit(ILoggerFactory loggerFactory) => _logger = loggerFactory.CreateLogger(Category);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Template {TemplateId} upload by {Actor} in tenant {Tenant}: {Outcome} (sha256 {Sha256}, {Bytes} bytes)")]
    public partial void Uploaded(string tenant, string actor, string templateId, string outcome, string sha256, int bytes);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Template {TemplateId} upload by {Actor} in tenant {Tenant}: refused, {Code} ({Bytes} bytes)")]
    public partial void Refused(string tenant, string actor, string code, string templateId, int bytes);

    /// <summary>What <see cref="Refused"/> names a template that did not parse far enough to have an id.</summary>
    public const string Unparsed = "(unparsed)";

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Template {TemplateId} read by {Actor} in tenant {Tenant} as {Representation}")]
    public partial void Read(string tenant, string actor, string templateId, string representation);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Templates listed by {Actor} in tenant {Tenant}: {Count}")]
    public partial void Listed(string tenant, string actor, int count);
}
