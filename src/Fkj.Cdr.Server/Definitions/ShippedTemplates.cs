using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Tenancy;

namespace Fkj.Cdr.Server.Definitions;

/// <summary>
/// At start, before the server listens, uploads the templates that ship with the server (the repository's
/// <c>templates/*.opt</c>, copied to <c>templates/</c> beside the server by the build) into the default
/// tenant, so that a fresh installation accepts compositions of them at once. A template already there
/// with the same bytes is left as it is; one there with other bytes is left alone with a warning (it may
/// have been uploaded on purpose, and a stored template never changes). Nothing here stops the start.
/// </summary>
public sealed partial class ShippedTemplates : IHostedService
{
    public const string FolderName = "templates";

    private readonly TemplateRegistry _registry;
    private readonly ILogger<ShippedTemplates> _logger;
    private readonly string _folder;

    public ShippedTemplates(TemplateRegistry registry, ILogger<ShippedTemplates> logger)
        : this(registry, logger, Path.Combine(AppContext.BaseDirectory, FolderName))
    {
    }

    internal ShippedTemplates(TemplateRegistry registry, ILogger<ShippedTemplates> logger, string folder)
    {
        _registry = registry;
        _logger = logger;
        _folder = folder;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder))
        {
            LogNoFolder(_folder);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(_folder, "*.opt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                var opt = await File.ReadAllBytesAsync(file, cancellationToken);
                var upload = await _registry.UploadAsync(TenantFilter.DefaultTenant, opt, Actor.System, cancellationToken);
                if (upload.Outcome == TemplateUploadOutcome.Created)
                {
                    LogLoaded(upload.Stored.TemplateId, name, TenantFilter.DefaultTenant);
                }
            }
            catch (ApiException e) when (e.Code == TemplateErrors.ConflictCode)
            {
                LogConflict(name, TenantFilter.DefaultTenant, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e, name, e.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Shipped template {TemplateId} ({File}) loaded into tenant {Tenant}")]
    private partial void LogLoaded(string templateId, string file, string tenant);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Shipped template {File} left out: tenant {Tenant} has another template with its id. {Reason}")]
    private partial void LogConflict(string file, string tenant, string reason);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Shipped template {File} could not be loaded: {Reason}")]
    private partial void LogFailed(Exception exception, string file, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "No shipped templates: {Folder} does not exist")]
    private partial void LogNoFolder(string folder);
}
