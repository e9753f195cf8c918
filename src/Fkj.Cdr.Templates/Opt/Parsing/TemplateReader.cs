using System.Xml.Linq;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.Opt.Parsing;

/// <summary>
/// Reads a loaded OPT document: the header (language, description, ids, concept), the template-level
/// ontologies, the definition, annotations, view and template constraints, then links the tree.
/// Problems accumulate in the context; the caller throws when there are any.
/// </summary>
internal sealed class TemplateReader(OptContext context)
{
    public OperationalTemplate? Read(XElement root)
    {
        var kids = context.Check(root, OptSchema.Template);

        var language = kids.One("language") is { } l ? TerminologyReader.ReadCodePhrase(context, l, "language")?.CodeString : null;
        var description = kids.One("description") is { } d ? ReadDescription(d) : null;
        context.Boolean(kids.One("is_controlled"));
        var uid = kids.One("uid") is { } u ? context.ObjectIdValue(u, "uid") : null;
        var templateId = kids.One("template_id") is { } t ? context.ObjectIdValue(t, "template_id") : null;
        var concept = context.Token(kids.One("concept"), "concept");

        var (ontologies, ontologyLanguages) = ReadOntologies(kids);
        var constraints = new ConstraintReader(context, language ?? "", ontologies);
        var definition = kids.One("definition") is { } definitionElement ? constraints.ReadDefinition(definitionElement) : null;

        var annotations = ReadPathDictionary(kids.All("annotations"), OptSchema.Annotation, "annotations", item => context.Text(item));
        var view = kids.One("view") is { } v
            ? ReadPathDictionary(context.Check(v, OptSchema.View).All("constraints"), OptSchema.ViewConstraint, "view constraint",
                item => context.Text(context.Check(item, OptSchema.ViewConstraintItem).One("value")))
            : new Dictionary<string, IReadOnlyDictionary<string, string>>();

        if (definition is null) return null;

        var template = new OperationalTemplate
        {
            TemplateId = templateId ?? "",
            Uid = uid,
            Concept = concept ?? "",
            Language = language ?? "",
            Languages = [.. new[] { language ?? "" }.Concat(ontologyLanguages).Distinct(StringComparer.Ordinal)],
            Description = description,
            Definition = definition,
            Annotations = annotations,
            View = view,
            Warnings = context.Warnings,
        };

        var linker = new TreeLinker(context, template.Language, constraints.Elements);
        linker.LinkArchetypeRoots(definition);
        linker.ResolveInternalReferences(template.Nodes());
        CheckOntologiesUsed(kids, template);
        if (kids.One("constraints") is { } templateConstraints) ApplyTemplateConstraints(templateConstraints, template, linker);
        return template;
    }

    private ResourceDescription ReadDescription(XElement element)
    {
        var kids = context.Check(element, OptSchema.ResourceDescription);
        var details = new List<ResourceDescriptionItem>();
        foreach (var item in kids.All("details"))
        {
            var itemKids = context.Check(item, OptSchema.ResourceDescriptionItem);
            var itemLanguage = itemKids.One("language") is { } l ? TerminologyReader.ReadCodePhrase(context, l, "language")?.CodeString : null;
            var purpose = context.Text(itemKids.One("purpose"));
            foreach (var uri in itemKids.All("original_resource_uri")) context.Text(uri);
            ReadDictionary(itemKids.All("other_details"));
            if (itemLanguage is null || purpose is null) continue;
            details.Add(new ResourceDescriptionItem(
                itemLanguage,
                purpose,
                [.. itemKids.All("keywords").Select(context.Text).OfType<string>()],
                context.Text(itemKids.One("use")),
                context.Text(itemKids.One("misuse")),
                context.Text(itemKids.One("copyright"))));
        }

        context.Text(kids.One("resource_package_uri"));
        return new ResourceDescription
        {
            OriginalAuthor = ReadDictionary(kids.All("original_author")),
            OtherContributors = [.. kids.All("other_contributors").Select(context.Text).OfType<string>()],
            LifecycleState = context.Text(kids.One("lifecycle_state"))?.Trim() ?? "",
            OtherDetails = ReadDictionary(kids.All("other_details")),
            Details = details,
        };
    }

    /// <summary>StringDictionaryItem elements (<c>&lt;x id="key"&gt;value&lt;/x&gt;</c>); a repeated key keeps its first value.</summary>
    private Dictionary<string, string> ReadDictionary(IEnumerable<XElement> items)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var id = context.RequiredAttribute(item, "id");
            var value = context.Text(item);
            if (id is not null && value is not null) result.TryAdd(id, value);
        }

        return result;
    }

    private (Dictionary<string, TerminologyBuilder> Ontologies, List<string> Languages) ReadOntologies(Children kids)
    {
        var ontologies = new Dictionary<string, TerminologyBuilder>(StringComparer.Ordinal);
        var languages = new List<string>();
        foreach (var element in kids.All("ontology").Concat(kids.All("component_ontologies")))
        {
            var (archetypeId, builder) = TerminologyReader.ReadOntology(context, element);
            if (archetypeId is null) continue;
            if (!ontologies.TryAdd(archetypeId, builder))
            {
                context.Error(OptErrorCodes.DuplicateElement, $"the terminology of {archetypeId} is given twice", element);
                continue;
            }

            languages.AddRange(builder.Terms.Keys.Concat(builder.ConstraintTerms.Keys));
        }

        return (ontologies, languages);
    }

    private void CheckOntologiesUsed(Children kids, OperationalTemplate template)
    {
        var used = template.Nodes().OfType<CArchetypeRoot>().Select(r => r.ArchetypeId).ToHashSet(StringComparer.Ordinal);
        foreach (var element in kids.All("ontology").Concat(kids.All("component_ontologies")))
        {
            var archetypeId = element.Attribute("archetype_id")?.Value.Trim();
            if (!string.IsNullOrEmpty(archetypeId) && !used.Contains(archetypeId))
                context.Error(OptErrorCodes.UnresolvedPath, $"<{element.Name.LocalName}> gives the terminology of {archetypeId}, which the definition does not use", element);
        }
    }

    /// <summary>annotations and view constraints: <c>path</c> → <c>items id=key</c> → value; elements for the same path are merged.</summary>
    private Dictionary<string, IReadOnlyDictionary<string, string>> ReadPathDictionary(
        IEnumerable<XElement> elements, ContentModel model, string what, Func<XElement, string?> readValue)
    {
        var byPath = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            var path = context.RequiredAttribute(element, "path");
            var kids = context.Check(element, model);
            if (path is null) continue;
            if (!byPath.TryGetValue(path, out var entries)) byPath[path] = entries = new(StringComparer.Ordinal);
            foreach (var item in kids.All("items"))
            {
                var id = context.RequiredAttribute(item, "id");
                var value = readValue(item);
                if (id is null || value is null) continue;
                if (!entries.TryAdd(id, value) && entries[id] != value)
                    context.Error(OptErrorCodes.DuplicateElement, $"{what} '{id}' of {path} is given twice with different values", item);
            }
        }

        return byPath.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The template's <c>constraints</c>: default values that template designers attach by
    /// <c>differential_path</c> (the node) and <c>rm_attribute_name</c> (its attribute, usually
    /// ELEMENT.value). The default goes to the attribute's child constraint of the value's type.
    /// </summary>
    private void ApplyTemplateConstraints(XElement element, OperationalTemplate template, TreeLinker linker)
    {
        foreach (var attributeElement in context.Check(element, OptSchema.TemplateConstraints).All("attributes"))
        {
            var kids = context.Check(attributeElement, OptSchema.TemplateAttribute);
            var attributeName = context.Token(kids.One("rm_attribute_name"), "rm_attribute_name");
            var pathText = context.Token(kids.One("differential_path"), "differential_path");
            var values = new List<(XElement Element, string? RmTypeName, RmObject Value)>();
            foreach (var child in kids.All("children"))
            {
                var childKids = context.Check(child, OptSchema.TemplateComplexObject);
                var rmTypeName = context.Text(childKids.One("rm_type_name"))?.Trim();
                if (childKids.One("occurrences") is { } o) IntervalReader.ReadMultiplicity(context, o, "occurrences");
                context.Text(childKids.One("node_id"));
                if (childKids.One("default_value") is { } d && DefaultValueReader.Read(context, d) is { } value)
                    values.Add((d, string.IsNullOrEmpty(rmTypeName) ? null : rmTypeName, value));
            }

            if (attributeName is null || pathText is null) continue;
            var at = kids.One("differential_path");
            var parsed = OpenEhrPath.Parse(pathText);
            if (parsed is null)
            {
                context.Error(OptErrorCodes.InvalidValue, $"differential_path '{OptContext.Excerpt(pathText)}' is not a valid path", at);
                continue;
            }

            var (root, segments) = parsed.Value;
            if (root is not null && root != template.Definition.ArchetypeId)
            {
                context.Error(OptErrorCodes.UnresolvedPath,
                    $"differential_path starts at {root}, but the template's root archetype is {template.Definition.ArchetypeId}", at);
                continue;
            }

            var (node, problem) = linker.Resolve(template.Definition, segments);
            if (node is null)
            {
                context.Error(OptErrorCodes.UnresolvedPath, $"differential_path does not resolve: {problem}", at);
                continue;
            }

            var attribute = (node as CComplexObject)?.Attribute(attributeName);
            foreach (var (valueElement, rmTypeName, value) in values)
            {
                var target = attribute is null ? null : Target(attribute, rmTypeName ?? value.RmType.Name, value.RmType);
                if (target is null)
                {
                    context.Error(OptErrorCodes.UnresolvedPath,
                        $"a default {value.RmType.Name} for {node.Path}/{attributeName} has no constraint of that type to attach to", valueElement, node.Path);
                    continue;
                }

                target.DefaultValue = value;
            }
        }
    }

    /// <summary>The child constraint a default value belongs to: of its type, else of a supertype of it, else the only child.</summary>
    private static CObject? Target(CAttribute attribute, string rmTypeName, RmType valueType)
    {
        var children = attribute.Children;
        return children.FirstOrDefault(c => c.RmTypeName == rmTypeName)
               ?? children.FirstOrDefault(c => RmModel.Find(c.RmTypeName) is { } type && valueType.IsSubtypeOf(type))
               ?? (children.Count == 1 ? children[0] : null);
    }
}
