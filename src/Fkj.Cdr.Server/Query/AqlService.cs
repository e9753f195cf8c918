using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Aql.Compilation;
using Fkj.Cdr.Aql.Parsing;
using Fkj.Cdr.Aql.Results;
using Fkj.Cdr.Aql.Semantics;
using Fkj.Cdr.Server.Auditing;
using Fkj.Cdr.Server.Database;
using Fkj.Cdr.Server.Definitions;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Server.Hosting;
using Fkj.Cdr.Storage;
using Fkj.Cdr.Storage.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Fkj.Cdr.Server.Query;

/// <summary>
/// Runs AQL: compiles the query (cached by text and path-catalogue version), binds its parameters, pages it by
/// <c>offset</c> and <c>fetch</c> within the configured limits, streams the rows into an ITS-REST result set, and
/// records the audit event (who, when, the query text, how many EHRs it touched) in the query's own transaction.
/// </summary>
public sealed class AqlService
{
    private readonly DatabaseService _database;
    private readonly ServerPathCatalogue _catalogue;
    private readonly AqlCompiler _compiler = new();
    private readonly PatientAudit _audit;
    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly TemplateRegistry _templates;

    public AqlService(DatabaseService database, ServerPathCatalogue catalogue, PatientAudit audit, ServerOptions options, TemplateRegistry templates, TimeProvider? time = null)
    {
        _database = database;
        _catalogue = catalogue;
        _templates = templates;
        _audit = audit;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Parses, analyses and compiles (or takes from the cache); errors become 400s with their position.</summary>
    public async Task<CompiledQuery> CompileAsync(string tenantId, string? text, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_aql", "The query (q) is missing.");
        }
        var database = _database.Require();
        var catalogue = await _catalogue.CurrentAsync(database, cancellationToken);
        try
        {
            object? Value(string name) => Parameter(parameters, name);
            try
            {
                return _compiler.Compile(text, new TenantPathCatalogue(catalogue, TemplatesNotLoaded.Instance), Value);
            }
            catch (TemplatesNotLoadedException)
            {
                // A path without data: the tenant's templates say whether it is possible at all.
                var templates = await TemplatesAsync(tenantId, cancellationToken);
                return _compiler.Compile(text, new TenantPathCatalogue(catalogue, templates), Value);
            }
        }
        catch (AqlParameterMissingException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "aql_parameter_missing", e.Message,
                [new ErrorIssue("aql_parameter_missing", $"${e.Name} is used here but not given in query_parameters.", null, e.Span.Line, e.Span.Column)]);
        }
        catch (AqlParseException e)
        {
            var error = e.Error;
            var expected = error.Expected.Count > 0 ? $" (expected one of {string.Join(", ", error.Expected)})" : "";
            throw new ApiException(StatusCodes.Status400BadRequest, "invalid_aql", e.Message,
                [new ErrorIssue("aql_syntax", error.Message + (error.Message.Contains("expected", StringComparison.Ordinal) ? "" : expected), null, error.Line, error.Column)]);
        }
        catch (AqlSemanticException e)
        {
            var code = e.Unsupported ? "unsupported_aql" : "invalid_aql";
            throw new ApiException(StatusCodes.Status400BadRequest, code, e.Message,
                [new ErrorIssue(e.Unsupported ? "aql_unsupported" : "aql_semantic", e.Reason, null, e.Span.Line > 0 ? e.Span.Line : null, e.Span.Line > 0 ? e.Span.Column : null)]);
        }
    }

    /// <summary>
    /// Cancels the query in PostgreSQL after <see cref="ServerOptions.AqlTimeout"/> (statement_timeout, for this
    /// transaction only), and gives the client a few seconds more, so that PostgreSQL stops the work, not just Npgsql
    /// the waiting.
    /// </summary>
    private async Task LimitTimeAsync(TenantTransaction tx, CancellationToken cancellationToken)
    {
        await using var command = tx.Command("SELECT set_config('statement_timeout', @ms, true)");
        command.Parameters.AddWithValue("ms", (_options.AqlTimeout * 1000L).ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private int CommandTimeout => _options.AqlTimeout + 5;

    private static bool IsTimeout(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } || (e is NpgsqlException && e.InnerException is TimeoutException);

    private ApiException TimedOut(string query) =>
        new(StatusCodes.Status503ServiceUnavailable, "query_timeout",
            $"The query ran longer than {_options.AqlTimeout} s (--aql-timeout) and was cancelled: {Shorten(query)}. Narrow it (an EHR, a time range, LIMIT) or ask the operator for a longer limit.");

    /// <summary>Runs the query and writes the result set to the response.</summary>
    public async Task ExecuteAsync(HttpContext http, string tenantId, AqlRequest request, AuditScope scope, string? name, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(tenantId, request.Query, request.Parameters, cancellationToken);
        var (offset, limit) = Page(compiled, request);
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        await LimitTimeAsync(tx, cancellationToken);
        await using var command = tx.Command(compiled.Sql);
        command.CommandTimeout = CommandTimeout;
        Bind(command, compiled, tenantId, request, offset, limit);

        // The statement runs before anything is written, so that its failure can still be answered as an error.
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (Exception e) when (IsTimeout(e))
        {
            throw TimedOut(compiled.Text);
        }
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        var ehrs = new HashSet<Guid>();
        long rows = 0;
        await using (reader)
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("meta");
            writer.WriteString("_href", $"{http.Request.PathBase}{http.Request.Path}");
            writer.WriteString("_type", "RESULTSET");
            writer.WriteString("_schema_version", "1.0.0");
            writer.WriteString("_created", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("_generator", "Fkj.Cdr");
            writer.WriteString("_executed_aql", compiled.Text);
            writer.WriteEndObject();
            if (name is not null) writer.WriteString("name", name);
            writer.WriteString("q", compiled.Text);
            writer.WriteStartArray("columns");
            foreach (var column in compiled.Plan.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("path", column.Path);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("rows");

            {
                using var rowWriter = new ResultRowWriter(compiled);
                if (compiled.PagesInProcess)
                {
                    rows = await WriteDistinctAsync(reader, writer, rowWriter, compiled, ehrs, offset, limit, cancellationToken);
                }
                else
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rowWriter.WriteRow(reader, writer);
                        if (compiled.EhrOrdinal >= 0 && !reader.IsDBNull(compiled.EhrOrdinal)) ehrs.Add(reader.GetGuid(compiled.EhrOrdinal));
                        rows++;
                        if (writer.BytesPending > 32 * 1024)
                        {
                            await writer.FlushAsync(cancellationToken);
                        }
                    }
                }
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        scope.Details = $"aql: {Shorten(compiled.Text)}; rows: {rows}; ehrs: {(compiled.EhrOrdinal >= 0 ? ehrs.Count.ToString(CultureInfo.InvariantCulture) : "not counted (aggregate)")}";
        if (ehrs.Count == 1) scope.EhrId = ehrs.First();
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary><c>EXPLAIN (ANALYZE, FORMAT JSON)</c> of the compiled query with the request's parameters, and the SQL.</summary>
    public async Task ExplainAsync(HttpContext http, string tenantId, AqlRequest request, AuditScope scope, CancellationToken cancellationToken)
    {
        var compiled = await CompileAsync(tenantId, request.Query, request.Parameters, cancellationToken);
        var (offset, limit) = Page(compiled, request);
        var database = _database.Require();
        await using var tx = await database.BeginAsync(tenantId, cancellationToken);
        await LimitTimeAsync(tx, cancellationToken);
        string plan;
        await using (var command = tx.Command("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + compiled.Sql))
        {
            command.CommandTimeout = CommandTimeout;
            Bind(command, compiled, tenantId, request, offset, limit);
            try
            {
                plan = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
            }
            catch (Exception e) when (IsTimeout(e))
            {
                throw TimedOut(compiled.Text);
            }
        }
        scope.Details = $"explain aql: {Shorten(compiled.Text)}";
        await _audit.AppendAsync(tx, http, scope, StatusCodes.Status200OK, cancellationToken);
        await tx.CommitAsync(cancellationToken);

        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("q", compiled.Text);
            writer.WriteString("sql", compiled.Sql);
            writer.WriteStartArray("parameters");
            foreach (var parameter in compiled.Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", parameter.Name);
                writer.WriteString("source", parameter.Source.ToString().ToLowerInvariant());
                if (parameter.QueryParameter is { } p) writer.WriteString("query_parameter", p);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WritePropertyName("plan");
            writer.WriteRawValue(plan);
            writer.WriteEndObject();
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
    }

    private (long Offset, long? Limit) Page(CompiledQuery compiled, AqlRequest request)
    {
        if (request.Fetch is 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "bad_request", "fetch is 1 or more.");
        }
        var offset = compiled.QueryOffset + request.Offset;
        long? limit = compiled.QueryLimit is { } queryLimit ? Math.Max(0, queryLimit - request.Offset) : null;
        var fetch = request.Fetch ?? (limit is null ? _options.AqlDefaultFetch : null);
        if (fetch is { } f) limit = limit is { } l ? Math.Min(l, f) : f;
        limit = Math.Min(limit ?? _options.AqlMaxFetch, _options.AqlMaxFetch);
        return (offset, limit);
    }

    private void Bind(NpgsqlCommand command, CompiledQuery compiled, string tenantId, AqlRequest request, long offset, long? limit)
    {
        var systemId = _options.SystemId;
        foreach (var spec in compiled.Parameters)
        {
            object? value = spec.Source switch
            {
                ParameterSource.Tenant => tenantId,
                ParameterSource.Constant => spec.Constant,
                ParameterSource.Limit => compiled.PagesInProcess ? null : limit,
                ParameterSource.Offset => compiled.PagesInProcess ? 0L : offset,
                ParameterSource.SystemId => systemId,
                _ => QueryParameter(spec, request),
            };
            var parameter = spec.Source is ParameterSource.Limit or ParameterSource.Offset
                ? new NpgsqlParameter(spec.Name, NpgsqlDbType.Bigint)
                : new NpgsqlParameter { ParameterName = spec.Name };
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    private async Task<TemplatePathConstraints> TemplatesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var templates = new List<Fkj.Cdr.Templates.Opt.OperationalTemplate>();
        foreach (var summary in await _templates.ListAsync(tenantId, cancellationToken))
        {
            templates.Add((await _templates.GetCompiledAsync(tenantId, summary.TemplateId, cancellationToken)).Template);
        }
        return new TemplatePathConstraints(templates);
    }

    /// <summary>A query parameter's value by name (an exact match first, then one that differs in case only), or null.</summary>
    private static object? Parameter(IReadOnlyDictionary<string, object?> parameters, string name)
    {
        if (parameters.TryGetValue(name, out var value)) return value;
        var found = parameters.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return found is null ? null : parameters[found];
    }

    private static object? QueryParameter(SqlParameterSpec spec, AqlRequest request)
    {
        var name = spec.QueryParameter!;
        if (!request.Parameters.TryGetValue(name, out var raw))
        {
            var found = request.Parameters.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                throw new ApiException(StatusCodes.Status400BadRequest, "aql_parameter_missing", $"The query parameter ${name} has no value.",
                    [new ErrorIssue("aql_parameter_missing", $"${name} is used here but not given in query_parameters.", null, spec.Span.Line, spec.Span.Column)]);
            }
            raw = request.Parameters[found];
        }
        try
        {
            return ValueConversions.Convert(raw, spec.Conversion);
        }
        catch (FormatException e)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "aql_parameter_invalid", $"The query parameter ${name}: {e.Message}",
                [new ErrorIssue("aql_parameter_invalid", e.Message, null, spec.Span.Line, spec.Span.Column)]);
        }
    }

    private static async Task<long> WriteDistinctAsync(NpgsqlDataReader reader, Utf8JsonWriter writer, ResultRowWriter rowWriter, CompiledQuery compiled,
        HashSet<Guid> ehrs, long offset, long? limit, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>();
        long index = 0, written = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            buffer.ResetWrittenCount();
            await using (var rowJson = new Utf8JsonWriter(buffer))
            {
                rowWriter.WriteRow(reader, rowJson);
            }
            var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            if (!seen.Add(text)) continue;
            if (index++ < offset) continue;
            if (limit is { } l && written >= l) break;
            writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
            if (compiled.EhrOrdinal >= 0 && !reader.IsDBNull(compiled.EhrOrdinal)) ehrs.Add(reader.GetGuid(compiled.EhrOrdinal));
            written++;
        }
        return written;
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
