using Fkj.Cdr.Rm.Content;
using Fkj.Cdr.Templates.Opt;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// A template compiled for validating compositions. <see cref="Compile"/> turns the constraint tree
/// into a tree of checkers once (RM attribute accessors resolved, regular expressions compiled, code and
/// unit lists hashed, children indexed by node id); <see cref="Validate"/> then walks a composition
/// along it and reports every error, not only the first. A compiled validator is immutable: one
/// instance may validate on any number of threads at once, and may be cached per template id and OPT
/// checksum.
/// </summary>
public sealed class TemplateValidator
{
    private readonly ArchetypeRootChecker root;

    private TemplateValidator(OperationalTemplate template, ArchetypeRootChecker root)
    {
        Template = template;
        TemplateId = template.TemplateId;
        this.root = root;
    }

    public OperationalTemplate Template { get; }

    public string TemplateId { get; }

    /// <summary>Compiles <paramref name="template"/>. Thread-safe; compiling touches nothing but the template, which it does not change.</summary>
    public static TemplateValidator Compile(OperationalTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var root = new ValidatorCompiler(template).CompileRoot();
        return new TemplateValidator(template, root);
    }

    /// <summary>
    /// Validates <paramref name="composition"/> against the template: its template id, RM structure and
    /// node ids, RM types, occurrences, existence and cardinality, and every data value constraint.
    /// External terminology constraints are not decided but listed in
    /// <see cref="ValidationResult.DeferredTerminologyChecks"/>.
    /// </summary>
    public ValidationResult Validate(Composition composition)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var context = ValidationContext.Rent();
        try
        {
            if (composition.ArchetypeNodeId != root.ArchetypeId && context.Fail())
                context.Error(ValidationErrorCodes.NodeIdNotAllowed, root.ArchetypeId, composition.ArchetypeNodeId,
                    $"the composition must be an {root.ArchetypeId}, as the template's root", "archetype_node_id");

            var templateId = composition.ArchetypeDetails?.TemplateId?.Value;
            if (templateId != TemplateId && context.Fail())
                context.Error(ValidationErrorCodes.TemplateIdMismatch, TemplateId, templateId ?? "",
                    templateId is null
                        ? $"the composition names no template; it must name {TemplateId} in archetype_details/template_id"
                        : $"the composition is of template {templateId}, not {TemplateId}",
                    "archetype_details/template_id");

            root.Check(composition, context);
            return context.ToResult();
        }
        finally
        {
            ValidationContext.Return(context);
        }
    }
}
