using System.Text.Json;
using System.Text.Json.Serialization;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Ehr;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Fhir;
using Fkj.Cdr.Server.Health;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Server.Query;
using Fkj.Cdr.Server.Terminology;
using Fkj.Cdr.Server.Tenancy;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Fkj.Cdr.Server;

/// <summary>
/// Builds and runs the CDR server. <see cref="Build"/> is public so that tests can run the real server
/// in-process: <c>CdrServer.Build(["--port", "0", "--data-dir", dir])</c>, then <c>StartAsync</c>.
/// </summary>
public static class CdrServer
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n\n{CommandLine.Usage}");
            return 2;
        }
        if (commandLine.Verb == "help")
        {
            await Console.Out.WriteLineAsync(CommandLine.Usage);
            return 0;
        }

        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n\n{CommandLine.Usage}");
            return 2;
        }

        // RunAsync disposes the host (and its services) when it ends, so take what the handlers need now.
        var lifetime = app.Lifetime;
        var logger = app.Logger;
        await using (app)
        {
            try
            {
                await app.RunAsync();
                return 0;
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Stopped (Ctrl-C or SIGTERM) while still starting.
                logger.LogInformation("Fkj.Cdr stopped before it had started");
                return 0;
            }
            catch (Exception e)
            {
                logger.LogCritical(e, "Fkj.Cdr stopped: {Reason}", e.Message);
                return 1;
            }
        }
    }

    /// <summary>Builds the server from a command line (with or without the <c>serve</c> verb).</summary>
    public static WebApplication Build(string[] args)
    {
        var commandLine = CommandLine.Parse(args);
        var (options, configuration) = ServerOptions.Load(commandLine.Options);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Our own configuration carries the command line (with its option names) and FKJ_ variables.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(CdrServer).Assembly.GetName().Name,
        });
        builder.Configuration.AddConfiguration(configuration);

        ConfigureLogging(builder, options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.BindAddress(), options.Port);
        });
        builder.Services.AddSingleton(options);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        // Registered before the web server is added, so the database is open before the server listens
        // and is closed (embedded PostgreSQL stopped) after the server has stopped.
        builder.Services.AddSingleton<AdmissionControl>();
        builder.Services.AddSingleton<DatabaseService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseService>());
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddScoped<RequestTenant>();
        builder.Services.AddSingleton<TemplateAudit>();
        builder.Services.AddSingleton<CompiledTemplateCache>();
        builder.Services.AddSingleton<TemplateRegistry>();
        // The EHR API: patient-data audit, EHR and composition use cases, FLAT and STRUCTURED.
        builder.Services.AddScoped<AuditScope>();
        builder.Services.AddSingleton<PatientAudit>();
        builder.Services.AddSingleton<EhrService>();
        builder.Services.AddSingleton<CompositionService>();
        builder.Services.AddSingleton<ContributionService>();
        builder.Services.AddSingleton<DirectoryService>();
        builder.Services.AddSingleton<ISimplifiedFormats, SimplifiedFormats>();
        // AQL: the path catalogue the planner matches against, and the query service with its plan cache.
        builder.Services.AddSingleton<ServerPathCatalogue>();
        builder.Services.AddSingleton<AqlService>();
        // SNOMED CT: one in-process index for every tenant, swapped whole after an import.
        builder.Services.AddSingleton<SnomedCatalog>();
        // After the database: the index is built from the terminology tables in the background, and after an import.
        builder.Services.AddSingleton<SnomedIndexLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SnomedIndexLoader>());
        builder.Services.AddSingleton<SnomedImportService>();
        // After the database: the shipped templates are in the default tenant before the server listens.
        builder.Services.AddHostedService<ShippedTemplates>();

        var app = builder.Build();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        var admission = app.Services.GetRequiredService<AdmissionControl>();
        app.Use(admission.InvokeAsync);
        app.MapHealth();
        app.MapOpenEhr();
        app.MapSnomed();
        app.MapSnomedImports();
        app.MapFhirTerminology();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            app.Logger.LogInformation("Fkj.Cdr listening on {Addresses} ({Database})",
                string.Join(", ", addresses),
                string.IsNullOrWhiteSpace(options.ConnectionString) ? $"embedded PostgreSQL in {Path.GetFullPath(options.DataDir)}" : "configured PostgreSQL");
        });
        app.Lifetime.ApplicationStopping.Register(() => app.Logger.LogInformation("Fkj.Cdr stopping"));
        return app;
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, ServerOptions options)
    {
        builder.Logging.ClearProviders();
        if (options.LogFormat == "simple")
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.IncludeScopes = true;
                console.SingleLine = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
        else
        {
            // One JSON object a line: the message template's named properties become fields under "State".
            builder.Logging.AddJsonConsole(console =>
            {
                console.IncludeScopes = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }
}
