using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Fkj.Cdr.Fhir.Operations;
using Fkj.Cdr.Fhir.Resources;
using Fkj.Cdr.Server.Errors;
using Fkj.Cdr.Terminology.Ecl.Evaluation;
using Fkj.Cdr.Terminology.Ecl.Parsing;
using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Server.Terminology;

/// <summary>
/// The simple SNOMED CT API under <c>/terminology/snomed</c>: a concept, its descriptions, parents, children,
/// ancestors and descendants (paged), term search (optionally within an ECL constraint), ECL evaluation (count and a
/// page of concepts) and the subsumption test. Terms are in the language asked for with <c>?lang=</c> or
/// Accept-Language (<see cref="SnomedLanguages"/>). Errors are the API's JSON errors: 400 <c>invalid_sctid</c>,
/// <c>invalid_parameter</c>, <c>invalid_ecl</c> (with line and column), 404 <c>concept_not_found</c>, 503
/// <c>terminology_not_loaded</c>. Shared reference data: no tenant.
/// </summary>
public static class SnomedEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxSearchLimit = 200;

    /// <summary>How deep a search may be paged: ranking keeps every hit up to offset + limit.</summary>
    public const int MaxSearchOffset = 1_000;

    private const string Json = "application/json; charset=utf-8";

    public static IEndpointRouteBuilder MapSnomed(this IEndpointRouteBuilder endpoints)
    {
        var snomed = endpoints.MapGroup("/terminology/snomed");
        snomed.MapGet("concepts/{id}", (string id, HttpContext context, SnomedCatalog catalog) =>
        {
            var index = Require(catalog);
            var concept = Concept(index, id);
            var languages = Languages(context);
            return Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", concept.ToString(CultureInfo.InvariantCulture));
                w.WriteBoolean("active", index.IsActive(concept));
                w.WriteString("moduleId", index.ModuleOf(concept).ToString(CultureInfo.InvariantCulture));
                var defined = index.IsDefined(concept);
                w.WriteString("definitionStatus", defined ? "defined" : "primitive");
                w.WriteString("definitionStatusId", (defined ? SnomedIds.Defined : SnomedIds.Primitive).ToString(CultureInfo.InvariantCulture));
                w.WriteString("fsn", index.FullySpecifiedName(concept, languages));
                w.WriteString("preferredTerm", index.PreferredTerm(concept, languages));
                w.WriteEndObject();
            });
        });
        snomed.MapGet("concepts/{id}/descriptions", (string id, SnomedCatalog catalog) =>
        {
            var index = Require(catalog);
            var concept = Concept(index, id);
            var refsets = index.LanguageRefsets.Order().ToArray();
            return Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("conceptId", concept.ToString(CultureInfo.InvariantCulture));
                w.WriteStartArray("items");
                foreach (var d in index.Descriptions(concept))
                {
                    w.WriteStartObject();
                    w.WriteString("id", d.Id.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("term", d.Term);
                    w.WriteString("languageCode", d.LanguageCode);
                    w.WriteString("type", d.TypeId switch { SnomedIds.Fsn => "fsn", SnomedIds.Synonym => "synonym", SnomedIds.Definition => "definition", _ => "other" });
                    w.WriteString("typeId", d.TypeId.ToString(CultureInfo.InvariantCulture));
                    w.WriteBoolean("active", d.Active);
                    w.WriteString("moduleId", d.ModuleId.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("caseSignificanceId", d.CaseSignificanceId.ToString(CultureInfo.InvariantCulture));
                    w.WriteStartObject("acceptability");
                    foreach (var refset in refsets)
                    {
                        if (index.AcceptabilityOf(d.Id, refset) is { } acceptability)
                        {
                            w.WriteString(refset.ToString(CultureInfo.InvariantCulture), acceptability == SnomedIds.Preferred ? "preferred" : "acceptable");
                        }
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
        MapRelatives(snomed, "parents", (index, id) => index.Parents(id));
        MapRelatives(snomed, "children", (index, id) => index.Children(id));
        MapRelatives(snomed, "ancestors", (index, id) => index.Ancestors(id));
        MapRelatives(snomed, "descendants", (index, id) => index.Descendants(id));

        snomed.MapGet("search", (HttpContext context, SnomedCatalog catalog) =>
        {
            var index = Require(catalog);
            var query = context.Request.Query;
            var term = query["term"].ToString();
            if (string.IsNullOrWhiteSpace(term))
            {
                throw InvalidParameter("term", "The query parameter 'term' is required.");
            }

            var limit = Int(context, "limit", 10, 1, MaxSearchLimit);
            var offset = Int(context, "offset", 0, 0, MaxSearchOffset);
            var inactive = Bool(context, "inactive");
            var languages = Languages(context);
            var ecl = query["ecl"].ToString();
            var constraint = string.IsNullOrWhiteSpace(ecl) ? null : Evaluate(index, ecl, "ecl");
            var hits = index.Search(new SearchRequest(term)
            {
                Limit = limit,
                Offset = offset,
                LanguageRefsets = languages,
                IncludeInactive = inactive,
                Constraint = constraint is null ? null : constraint.Contains,
            });
            return Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("offset", offset);
                w.WriteNumber("limit", limit);
                w.WriteStartArray("items");
                foreach (var hit in hits)
                {
                    w.WriteStartObject();
                    w.WriteString("conceptId", hit.ConceptId.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("term", hit.Term);
                    w.WriteString("descriptionId", hit.DescriptionId.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("preferredTerm", hit.PreferredTerm);
                    w.WriteBoolean("active", hit.Active);
                    if (hit.Fuzzy) w.WriteBoolean("fuzzy", true);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
        });

        snomed.MapGet("ecl", (HttpContext context, SnomedCatalog catalog) => Ecl(context, catalog, context.Request.Query["expression"].ToString()));
        snomed.MapPost("ecl", async (HttpContext context, SnomedCatalog catalog) =>
        {
            var expression = context.Request.Query["expression"].ToString();
            if (string.IsNullOrWhiteSpace(expression))
            {
                expression = await ReadExpressionAsync(context);
            }

            return Ecl(context, catalog, expression);
        });

        snomed.MapGet("subsumes", (HttpContext context, SnomedCatalog catalog) =>
        {
            var index = Require(catalog);
            var a = Concept(index, context.Request.Query["a"].ToString(), "a");
            var b = Concept(index, context.Request.Query["b"].ToString(), "b");
            var outcome = a == b ? "equivalent" : index.Subsumes(a, b) ? "subsumes" : index.Subsumes(b, a) ? "subsumed-by" : "not-subsumed";
            return Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("a", a.ToString(CultureInfo.InvariantCulture));
                w.WriteString("b", b.ToString(CultureInfo.InvariantCulture));
                w.WriteString("outcome", outcome);
                w.WriteBoolean("subsumes", index.Subsumes(a, b));
                w.WriteEndObject();
            });
        });
        return endpoints;
    }

    private static void MapRelatives(RouteGroupBuilder group, string relation, Func<SnomedIndex, long, long[]> relatives) =>
        group.MapGet("concepts/{id}/" + relation, (string id, HttpContext context, SnomedCatalog catalog) =>
        {
            var index = Require(catalog);
            var concept = Concept(index, id);
            var offset = Int(context, "offset", 0, 0, int.MaxValue);
            var limit = Int(context, "limit", DefaultPageSize, 0, MaxPageSize);
            return Page(index, relatives(index, concept), offset, limit, Languages(context), w => w.WriteString("conceptId", concept.ToString(CultureInfo.InvariantCulture)));
        });

    private static IResult Ecl(HttpContext context, SnomedCatalog catalog, string expression)
    {
        var index = Require(catalog);
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw InvalidParameter("expression", "The ECL expression is required: ?expression= or a text/plain (or {\"expression\": ...}) body.");
        }

        var offset = Int(context, "offset", 0, 0, int.MaxValue);
        var limit = Int(context, "limit", DefaultPageSize, 0, MaxPageSize);
        var set = Evaluate(index, expression, "expression");
        return Page(index, set.ToIds(), offset, limit, Languages(context), w => w.WriteString("expression", expression));
    }

    /// <summary><c>{total, offset, limit, items: [{id, term, active}]}</c> for a slice of concept ids.</summary>
    private static IResult Page(SnomedIndex index, long[] ids, int offset, int limit, IReadOnlyList<long> languages, Action<Utf8JsonWriter> head) =>
        Write(w =>
        {
            w.WriteStartObject();
            head(w);
            w.WriteNumber("total", ids.Length);
            w.WriteNumber("offset", offset);
            w.WriteNumber("limit", limit);
            w.WriteStartArray("items");
            for (var i = offset; i < ids.Length && i - offset < limit; i++)
            {
                w.WriteStartObject();
                w.WriteString("id", ids[i].ToString(CultureInfo.InvariantCulture));
                w.WriteString("term", index.PreferredTerm(ids[i], languages));
                w.WriteBoolean("active", index.IsActive(ids[i]));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static ConceptSet Evaluate(SnomedIndex index, string ecl, string parameter)
    {
        try
        {
            // An evaluator keeps per-evaluation state and costs a few fields to make: one per request.
            return new EclEvaluator(index).Evaluate(ecl);
        }
        catch (EclParseException e)
        {
            throw new ApiException(400, "invalid_ecl", $"Invalid ECL at line {e.Error.Line}, column {e.Error.Column}: {e.Error.Message}",
                [new ErrorIssue("ecl_syntax", e.Error.Message, parameter, e.Error.Line, e.Error.Column)], parameter);
        }
        catch (EclEvaluationException e)
        {
            var (line, column) = Position(ecl, e.Span.Start);
            throw new ApiException(400, "invalid_ecl", $"ECL cannot be evaluated at line {line}, column {column}: {e.Reason}",
                [new ErrorIssue("ecl_evaluation", e.Reason, parameter, line, column)], parameter);
        }
    }

    /// <summary>The 1-based line and column of an offset.</summary>
    private static (int Line, int Column) Position(string text, int offset)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(offset, text.Length); i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static async Task<string> ReadExpressionAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        var media = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        if (!media.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("expression", out var e) && e.ValueKind == JsonValueKind.String
                ? e.GetString()!
                : throw InvalidParameter("expression", "The JSON body must be an object with a string 'expression'.");
        }
        catch (JsonException ex)
        {
            throw new ApiException(400, "invalid_json", "The body is not JSON: " + ex.Message);
        }
    }

    private static SnomedIndex Require(SnomedCatalog catalog) =>
        catalog.Current ?? throw new ApiException(503, "terminology_not_loaded", "No SNOMED CT release has been imported into this server.");

    private static long Concept(SnomedIndex index, string text, string parameter = "id")
    {
        if (SnomedCodes.TryParse(text) is not { } id)
        {
            throw new ApiException(400, "invalid_sctid", $"'{text}' is not a SNOMED CT concept identifier (digits, concept partition, Verhoeff check digit).", path: parameter);
        }

        return index.Contains(id) ? id : throw new ApiException(404, "concept_not_found", $"Concept {id} is not in the loaded SNOMED CT release.", path: parameter);
    }

    private static IReadOnlyList<long> Languages(HttpContext context)
    {
        var lang = context.Request.Query["lang"].ToString();
        return SnomedLanguages.Parse(lang.Length > 0 ? lang : context.Request.Headers.AcceptLanguage.ToString());
    }

    private static int Int(HttpContext context, string name, int fallback, int min, int max)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw InvalidParameter(name, $"'{name}' must be an integer from {min} to {max}.");
    }

    private static bool Bool(HttpContext context, string name) => context.Request.Query[name].ToString() switch
    {
        "" or "false" => false,
        "true" => true,
        _ => throw InvalidParameter(name, $"'{name}' must be true or false."),
    };

    private static ApiException InvalidParameter(string name, string message) => new(400, "invalid_parameter", message, path: name);

    private static IResult Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FhirJson.WriterOptions))
        {
            write(writer);
        }

        return Results.Bytes(buffer.WrittenSpan.ToArray(), Json);
    }
}
