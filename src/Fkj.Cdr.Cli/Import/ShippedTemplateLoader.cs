using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Tenancy;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Templates;
using Fkj.Cdr.Templates.Opt.Parsing;

namespace Fkj.Cdr.Cli.Import;

/// <summary>
/// What a server does at its first start (<see cref="ShippedTemplates"/>), for an import into a database no server has
/// opened yet: the templates that ship with the server (<c>templates/*.opt</c>, copied beside this program by the build)
/// are stored in the default tenant when it does not have them, parsed and stored as <see cref="TemplateRegistry.UploadAsync"/>
/// stores an upload. One there already is left as it is.
/// </summary>
public static class ShippedTemplateLoader
{
    /// <summary>Loads what is missing; returns a line for each template loaded or left out.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(CdrDatabase database, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, ShippedTemplates.FolderName);
        var messages = new List<string>();
        if (!Directory.Exists(folder))
        {
            return messages;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.opt").Order(StringComparer.Ordinal))
        {
            var opt = await File.ReadAllBytesAsync(file, cancellationToken);
            var template = OptParser.Parse(opt);
            var sha256 = TemplateChecksum.Compute(opt);
            var result = await database.Templates.AddAsync(TenantFilter.DefaultTenant,
                new NewTemplate(template.TemplateId, opt, sha256, template.Uid, template.Concept, template.Language, template.Definition.ArchetypeId, Actor.System),
                cancellationToken);
            if (result.Added)
            {
                messages.Add($"import: shipped template {template.TemplateId} loaded into tenant {TenantFilter.DefaultTenant}");
            }
            else if (result.Stored.Sha256 != sha256)
            {
                messages.Add($"import: note: shipped template {Path.GetFileName(file)} left out: tenant {TenantFilter.DefaultTenant} has another template with its id");
            }
        }
        return messages;
    }
}
