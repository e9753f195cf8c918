using System.Xml.Linq;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;
using Fkj.Cdr.Templates.Opt.Terminology;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Reads archetype terminologies. An OPT carries them in two places: in the tree, on each
/// C_ARCHETYPE_ROOT (<c>term_definitions code="at0001"</c>, in the template's language, with the
/// template's overrides of texts), and, from Archetype Designer, at template level in <c>ontology</c>
/// (the root archetype) and <c>component_ontologies archetype_id="..."</c>, one
/// <c>term_definitions language="de"</c> per language: that is where translations live.
/// </summary>
internal static class TerminologyReader
{
    /// <summary>The terminology stated on a C_ARCHETYPE_ROOT, in the template language.</summary>
    public static TerminologyBuilder ReadRoot(OptContext context, Children kids, string language)
    {
        var builder = new TerminologyBuilder();
        foreach (var element in kids.All("term_definitions"))
            ReadTerm(context, element, language, builder.Terms);
        foreach (var element in kids.All("constraint_definitions"))
            ReadTerm(context, element, language, builder.ConstraintTerms);
        ReadBindings(context, kids, builder);
        return builder;
    }

    /// <summary>One <c>ontology</c> or <c>component_ontologies</c> element.</summary>
    public static (string? ArchetypeId, TerminologyBuilder Builder) ReadOntology(OptContext context, XElement element)
    {
        var archetypeId = context.RequiredAttribute(element, "archetype_id");
        var kids = context.Check(element, OptSchema.Ontology);
        var builder = new TerminologyBuilder();
        foreach (var set in kids.All("term_definitions")) ReadDefinitionSet(set, builder.Terms);
        foreach (var set in kids.All("constraint_definitions")) ReadDefinitionSet(set, builder.ConstraintTerms);
        ReadBindings(context, kids, builder);
        return (archetypeId, builder);

        void ReadDefinitionSet(XElement set, Dictionary<string, Dictionary<string, ArchetypeTerm>> target)
        {
            var language = context.RequiredAttribute(set, "language");
            var items = context.Check(set, OptSchema.CodeDefinitionSet);
            if (language is null) return;
            foreach (var term in items.All("items")) ReadTerm(context, term, language, target);
        }
    }

    public static CodePhrase? ReadCodePhrase(OptContext context, XElement element, string what)
    {
        var kids = context.Check(element, OptSchema.CodePhrase);
        var terminology = context.ObjectIdValue(kids.One("terminology_id"), $"{what} terminology_id");
        var code = context.Token(kids.One("code_string"), $"{what} code_string");
        if (terminology is null || code is null) return null;
        var phrase = new CodePhrase { TerminologyId = new TerminologyId { Value = terminology }, CodeString = code };
        if (kids.One("preferred_term") is { } preferred) phrase.PreferredTerm = context.Text(preferred);
        return phrase;
    }

    private static void ReadTerm(OptContext context, XElement element, string language,
        Dictionary<string, Dictionary<string, ArchetypeTerm>> target)
    {
        var code = context.RequiredAttribute(element, "code");
        var kids = context.Check(element, OptSchema.ArchetypeTerm);
        string? text = null, description = null;
        var others = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in kids.All("items"))
        {
            var id = context.RequiredAttribute(item, "id");
            var value = context.Text(item);
            if (id is null || value is null) continue;
            if (!seen.Add(id))
            {
                context.Error(OptErrorCodes.DuplicateElement, $"term {code} has the item '{id}' twice", item);
                continue;
            }

            switch (id)
            {
                case "text":
                    text = value;
                    break;
                case "description":
                    description = value;
                    break;
                default:
                    others[id] = value;
                    break;
            }
        }

        if (code is null) return;
        if (text is null)
        {
            context.Error(OptErrorCodes.MissingElement, $"term {code} has no text item", element);
            return;
        }

        if (!target.TryGetValue(language, out var terms)) target[language] = terms = new(StringComparer.Ordinal);
        if (!terms.TryAdd(code, new ArchetypeTerm(code, text, description, others)))
            context.Error(OptErrorCodes.DuplicateElement, $"term {code} is defined twice for language '{language}'", element);
    }

    private static void ReadBindings(OptContext context, Children kids, TerminologyBuilder builder)
    {
        foreach (var set in kids.All("term_bindings"))
        {
            var terminology = context.RequiredAttribute(set, "terminology");
            var items = context.Check(set, OptSchema.TermBindingSet);
            foreach (var item in items.All("items"))
            {
                var code = context.RequiredAttribute(item, "code");
                var value = context.Check(item, OptSchema.TermBindingItem).One("value");
                var phrase = value is null ? null : ReadCodePhrase(context, value, $"binding of {code}");
                if (terminology is null || code is null || phrase is null) continue;
                if (!builder.TermBindings.TryGetValue(terminology, out var bindings))
                    builder.TermBindings[terminology] = bindings = new(StringComparer.Ordinal);
                if (!bindings.TryAdd(code, phrase))
                    context.Error(OptErrorCodes.DuplicateElement, $"{code} is bound twice in terminology '{terminology}'", item);
            }
        }

        foreach (var set in kids.All("constraint_bindings"))
        {
            var terminology = context.RequiredAttribute(set, "terminology");
            var items = context.Check(set, OptSchema.ConstraintBindingSet);
            foreach (var item in items.All("items"))
            {
                var code = context.RequiredAttribute(item, "code");
                // CONSTRAINT_BINDING_ITEM: <value> holds the query URI.
                var value = context.Token(context.Check(item, OptSchema.TermBindingItem).One("value"), $"binding of {code}");
                if (terminology is null || code is null || value is null) continue;
                if (!builder.ConstraintBindings.TryGetValue(terminology, out var bindings))
                    builder.ConstraintBindings[terminology] = bindings = new(StringComparer.Ordinal);
                if (!bindings.TryAdd(code, value))
                    context.Error(OptErrorCodes.DuplicateElement, $"{code} is bound twice in terminology '{terminology}'", item);
            }
        }
    }
}
