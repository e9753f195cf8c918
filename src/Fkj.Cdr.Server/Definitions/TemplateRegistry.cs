using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Storage.Templates;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Parsing;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// Each tenant's operational templates: upload (parse, then store once per id), read, list, and the
/// compiled template that validation, web templates and examples are built from. Refusals are
/// <see cref="ApiException"/>s from <see cref="TemplateErrors"/>.
/// </summary>
/// <remarks>
/// Upload semantics: a new id is stored (<see cref="TemplateUploadOutcome.Created"/>); the same bytes under
/// an id already stored change nothing (<see cref="TemplateUploadOutcome.Unchanged"/>), so an upload can be
/// retried safely; other bytes under a stored id are a 409 <c>template_conflict</c>, because compositions
/// already written against a template must keep meaning what they meant.
/// </remarks>
public sealed class TemplateRegistry
{
    private readonly DatabaseService _database;
    private readonly CompiledTemplateCache _cache;
    private readonly TemplateAudit _audit;

    public TemplateRegistry(DatabaseService database, CompiledTemplateCache cache, TemplateAudit audit)
    {
        _database = database;
        _cache = cache;
        _audit = audit;
    }

    /// <summary>Parses and stores an OPT for the tenant.</summary>
    /// <exception cref="ApiException">400 <c>invalid_template</c> with every parse error; 409 <c>template_conflict</c>.</exception>
    public async Task<TemplateUpload> UploadAsync(string tenantId, byte[] opt, string actor, CancellationToken cancellationToken)
    {
        OperationalTemplate template;
        try
        {
            template = OptParser.Parse(opt);
        }
        catch (OptParseException e)
        {
            _audit.Refused(tenantId, actor, TemplateErrors.InvalidTemplateCode, TemplateAudit.Unparsed, opt.Length);
            throw TemplateErrors.Invalid(e);
        }

        var sha256 = TemplateChecksum.Compute(opt);
        var record = new NewTemplate(template.TemplateId, opt, sha256, template.Uid, template.Concept, template.Language,
            template.Definition.ArchetypeId, actor);
        var result = await _database.Require().Templates.AddAsync(tenantId, record, cancellationToken);
        if (!result.Added && result.Stored.Sha256 != sha256)
        {
            _audit.Refused(tenantId, actor, TemplateErrors.ConflictCode, template.TemplateId, opt.Length);
            throw TemplateErrors.Conflict(template.TemplateId, result.Stored.UploadedAt);
        }

        var outcome = result.Added ? TemplateUploadOutcome.Created : TemplateUploadOutcome.Unchanged;
        _audit.Uploaded(tenantId, actor, template.TemplateId, outcome.ToString().ToLowerInvariant(), sha256, opt.Length);
        return new TemplateUpload(outcome, result.Stored, _cache.Add(sha256, template));
    }

    /// <summary>The tenant's template with its OPT bytes.</summary>
    /// <exception cref="ApiException">404 <c>template_not_found</c>.</exception>
    public async Task<StoredTemplate> GetAsync(string tenantId, string templateId, CancellationToken cancellationToken) =>
        await _database.Require().Templates.FindAsync(tenantId, templateId, cancellationToken)
        ?? throw TemplateErrors.NotFound(templateId);

    /// <summary>The tenant's templates, by id.</summary>
    public Task<IReadOnlyList<TemplateSummary>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        _database.Require().Templates.ListAsync(tenantId, cancellationToken);

    /// <summary>
    /// The compiled form of the tenant's template: from the cache when its checksum is there (one small query),
    /// otherwise loaded and parsed once.
    /// </summary>
    /// <exception cref="ApiException">404 <c>template_not_found</c>.</exception>
    public async Task<CompiledTemplate> GetCompiledAsync(string tenantId, string templateId, CancellationToken cancellationToken)
    {
        var store = _database.Require().Templates;
        var sha256 = await store.FindChecksumAsync(tenantId, templateId, cancellationToken) ?? throw TemplateErrors.NotFound(templateId);
        if (_cache.TryGet(sha256, out var cached))
        {
            return cached;
        }
        var stored = await store.FindAsync(tenantId, templateId, cancellationToken) ?? throw TemplateErrors.NotFound(templateId);
        return _cache.GetOrAdd(stored.Summary.Sha256, () => OptParser.Parse(stored.Opt));
    }

    /// <summary>The compiled form of a template already read with <see cref="GetAsync"/>, without another query.</summary>
    public CompiledTemplate Compile(StoredTemplate stored) =>
        _cache.GetOrAdd(stored.Summary.Sha256, () => OptParser.Parse(stored.Opt));
}
