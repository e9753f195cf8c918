using System.Collections.Concurrent;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Templates.Opt.Parsing;

namespace Fkj.Cdr.Cli.Import;

/// <summary>
/// The tenant's templates as the import validates against them: read from the tenant's template store and compiled
/// once each (<see cref="CompiledTemplate"/>, whose validator and web template the server's own code builds), as
/// <see cref="CompositionService.TemplateOfAsync"/> does for the REST API.
/// </summary>
public sealed class TemplateSet(CdrDatabase database, string tenantId)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CompiledTemplate?>>> _templates = new(StringComparer.Ordinal);

    /// <summary>The compiled template, or null when the tenant has none of this id.</summary>
    public Task<CompiledTemplate?> FindAsync(string templateId, CancellationToken cancellationToken) =>
        _templates.GetOrAdd(templateId, id => new Lazy<Task<CompiledTemplate?>>(() => LoadAsync(id, cancellationToken))).Value;

    /// <summary>The template a composition names.</summary>
    /// <exception cref="Server.Errors.ApiException">422 <c>template_id_missing</c> or <c>unknown_template</c>, as the REST API answers.</exception>
    public async Task<CompiledTemplate> RequireAsync(string? templateId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(templateId))
        {
            throw EhrErrors.MissingTemplateId();
        }
        return await FindAsync(templateId, cancellationToken) ?? throw EhrErrors.UnknownTemplate(templateId);
    }

    private async Task<CompiledTemplate?> LoadAsync(string templateId, CancellationToken cancellationToken)
    {
        var stored = await database.Templates.FindAsync(tenantId, templateId, cancellationToken);
        return stored is null ? null : new CompiledTemplate(OptParser.Parse(stored.Opt), stored.Summary.Sha256);
    }
}
