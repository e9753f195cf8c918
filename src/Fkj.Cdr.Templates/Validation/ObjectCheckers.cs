using System.Globalization;
using System.Text.RegularExpressions;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;

namespace Fkj.Cdr.Templates.Validation;

/// <summary>
/// A compiled constraint on one RM object. Checkers are built once per template by
/// <see cref="TemplateValidator.Compile"/> and never change afterwards, so one checker tree serves any
/// number of threads at once.
/// </summary>
internal abstract class ObjectChecker
{
    protected ObjectChecker(CObject constraint, RmType rmType)
    {
        Constraint = constraint;
        RmType = rmType;
        Occurrences = constraint.Occurrences;
        NodeId = constraint.NodeId;
        OccurrencesText = constraint.Occurrences.ToString();
    }

    public CObject Constraint { get; }

    /// <summary>The RM type the constraint names; objects of it or of its subtypes fit.</summary>
    public RmType RmType { get; }

    /// <summary>The node id data must carry (archetype id for archetype roots), or empty when any will do.</summary>
    public string NodeId { get; protected init; }

    public Interval<int> Occurrences { get; }

    public string OccurrencesText { get; }

    /// <summary>Whether <paramref name="value"/>'s archetype node id is the one this constraint is for.</summary>
    public virtual bool AcceptsNodeId(RmObject value) =>
        NodeId.Length == 0 || value is not Locatable locatable || locatable.ArchetypeNodeId == NodeId;

    /// <summary>Checks <paramref name="value"/>, whose path is the context's current position.</summary>
    public abstract void Check(RmObject value, ValidationContext context);

    protected static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>C_COMPLEX_OBJECT: the RM rules of the object, each constrained attribute, and an RM-only walk of the others.</summary>
internal class ComplexChecker(CComplexObject constraint, RmType rmType) : ObjectChecker(constraint, rmType)
{
    public AttributeChecker[] Attributes { get; internal set; } = [];

    /// <summary>For the constrained type and each concrete subtype: the object and list attributes no constraint covers.</summary>
    public (RmType Type, RmAttribute[] Remaining)[] Unconstrained { get; internal set; } = [];

    public override void Check(RmObject value, ValidationContext context)
    {
        RmRules.Check(value, context);
        foreach (var attribute in Attributes) attribute.Check(value, context);

        var type = value.RmType;
        foreach (var (t, rest) in Unconstrained)
        {
            if (!ReferenceEquals(t, type)) continue;
            RmRules.WalkAttributes(value, rest, context);
            return;
        }

        // A subtype not known at compile time cannot occur (the RM is closed), but stay safe.
        RmRules.WalkAttributes(value, RmRules.ChildAttributes(type), context);
    }
}

/// <summary>C_ARCHETYPE_ROOT: also requires archetype_details naming the archetype.</summary>
internal sealed class ArchetypeRootChecker : ComplexChecker
{
    public ArchetypeRootChecker(CArchetypeRoot constraint, RmType rmType) : base(constraint, rmType)
    {
        ArchetypeId = constraint.ArchetypeId;
        NodeId = constraint.ArchetypeId;
    }

    public string ArchetypeId { get; }

    public override void Check(RmObject value, ValidationContext context)
    {
        // The RM wants archetype_details on every archetype root, but compositions in use (and EHRbase)
        // often leave it out below the composition; the node id already names the archetype, so only a
        // contradiction is an error.
        if (value is Locatable { ArchetypeDetails: { } details } && details.ArchetypeId?.Value != ArchetypeId && context.Fail())
            context.Error(ValidationErrorCodes.ArchetypeDetails, ArchetypeId, details.ArchetypeId?.Value ?? "",
                $"archetype_details names archetype {details.ArchetypeId?.Value}, but the node is {ArchetypeId}", "archetype_details/archetype_id");

        base.Check(value, context);
    }
}

/// <summary>ARCHETYPE_SLOT: takes archetype roots whose archetype id its includes allow and its excludes do not.</summary>
internal sealed class SlotChecker : ObjectChecker
{
    private readonly PatternMatcher[] includes;
    private readonly PatternMatcher[] excludes;
    private readonly bool includesAny;

    public SlotChecker(ArchetypeSlot slot, RmType rmType, Func<string, PatternMatcher> compile) : base(slot, rmType)
    {
        includes = Compile(slot.Includes, compile, out includesAny);
        excludes = Compile(slot.Excludes, compile, out _);
        Description = $"slot {slot.NodeId} for {slot.RmTypeName}" + (slot.Includes.Count > 0 ? $" including {string.Join(" or ", slot.Includes.Select(Expression))}" : "");
    }

    public string Description { get; }

    private static PatternMatcher[] Compile(IReadOnlyList<string> assertions, Func<string, PatternMatcher> compile, out bool any)
    {
        any = false;
        var list = new List<PatternMatcher>();
        foreach (var assertion in assertions)
        {
            var pattern = Expression(assertion);
            if (pattern is ".*" or ".+") any = true;
            list.Add(compile(pattern));
        }

        return [.. list];
    }

    /// <summary>The regular expression of <c>archetype_id/value matches {/…/}</c>; the whole text if it has no such form.</summary>
    private static string Expression(string assertion)
    {
        var start = assertion.IndexOf("{/", StringComparison.Ordinal);
        var end = assertion.LastIndexOf("/}", StringComparison.Ordinal);
        return start >= 0 && end > start ? assertion[(start + 2)..end] : ".*";
    }

    public bool Allows(string archetypeId)
    {
        var included = false;
        foreach (var include in includes)
        {
            if (!Matches(include, archetypeId)) continue;
            included = true;
            break;
        }

        // ADL 1.4: an explicit include wins over a catch-all exclude; a match on an exclude otherwise forbids.
        if (included && !includesAny) return true;
        foreach (var exclude in excludes)
            if (Matches(exclude, archetypeId)) return false;
        return included || includes.Length == 0;
    }

    private static bool Matches(PatternMatcher regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public override bool AcceptsNodeId(RmObject value) => value is Locatable locatable && Allows(locatable.ArchetypeNodeId);

    /// <summary>The template says nothing about what fills the slot beyond its archetype, so the RM rules are all that apply.</summary>
    public override void Check(RmObject value, ValidationContext context) => RmRules.Walk(value, context);
}

/// <summary>ARCHETYPE_INTERNAL_REF: the constraint of the node it points at, reused.</summary>
internal sealed class InternalRefChecker : ObjectChecker
{
    public InternalRefChecker(ArchetypeInternalRef reference, RmType rmType) : base(reference, rmType)
    {
        NodeId = reference.NodeId.Length > 0 ? reference.NodeId : reference.Target?.NodeId ?? "";
    }

    public ObjectChecker? Target { get; internal set; }

    public override void Check(RmObject value, ValidationContext context)
    {
        if (Target is null) RmRules.Walk(value, context);
        else Target.Check(value, context);
    }
}

/// <summary>
/// CONSTRAINT_REF: codes from an external terminology query bound to an ac-code. Not decided here: the
/// code is recorded for the terminology index.
/// </summary>
internal sealed class ConstraintRefChecker(ConstraintRef reference, RmType rmType, string constraintText) : ObjectChecker(reference, rmType)
{
    public override void Check(RmObject value, ValidationContext context)
    {
        if (value is CodePhrase code) context.Defer(code.TerminologyId.Value, code.CodeString, constraintText);
        else RmRules.Walk(value, context);
    }
}

/// <summary>C_CODE_PHRASE: terminology and code list; external terminologies are deferred to the terminology index.</summary>
internal sealed class CodePhraseChecker : ObjectChecker
{
    private readonly string? terminology;
    private readonly HashSet<string> codes;
    private readonly bool external;
    private readonly bool deferred;
    private readonly string constraintText;

    public CodePhraseChecker(CCodePhrase constraint, RmType rmType) : base(constraint, rmType)
    {
        terminology = constraint.TerminologyId;
        codes = new HashSet<string>(constraint.CodeList, StringComparer.Ordinal);
        external = terminology is not null && IsExternal(terminology);
        deferred = external && (codes.Count > 0 || constraint.ReferenceSetUri is not null);
        constraintText = constraint.ReferenceSetUri is { } uri
            ? $"{terminology}::<{uri}>"
            : $"{terminology ?? "*"}::{(codes.Count == 0 ? "*" : $"[{string.Join('|', constraint.CodeList)}]")}";
    }

    /// <summary>
    /// Terminologies this validator decides: the archetype's own codes, the openEHR terminology and the
    /// code sets openEHR uses (ISO 639-1, ISO 3166-1, IANA character sets and media types). Others
    /// (SNOMED CT, LOINC, ICD-10, …) are external.
    /// </summary>
    public static bool IsExternal(string terminology) =>
        !(terminology is "local" or "openehr"
          || terminology.StartsWith("ISO_", StringComparison.Ordinal)
          || terminology.StartsWith("IANA_", StringComparison.Ordinal)
          || terminology.StartsWith("openehr_", StringComparison.Ordinal));

    /// <summary>Same terminology, ignoring a version in parentheses (<c>SNOMED-CT(2003)</c> is SNOMED-CT).</summary>
    public static bool SameTerminology(string data, string constraint)
    {
        if (data == constraint) return true;
        var d = data.IndexOf('(');
        var c = constraint.IndexOf('(');
        return data.AsSpan(0, d < 0 ? data.Length : d).Trim().SequenceEqual(constraint.AsSpan(0, c < 0 ? constraint.Length : c).Trim());
    }

    public override void Check(RmObject value, ValidationContext context)
    {
        if (value is not CodePhrase code) return;
        var dataTerminology = code.TerminologyId?.Value ?? "";
        if (terminology is not null && !SameTerminology(dataTerminology, terminology))
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.TerminologyMismatch, constraintText, $"{dataTerminology}::{code.CodeString}",
                    $"the code must be from terminology {terminology}, not {dataTerminology}");
            return;
        }

        if (deferred)
        {
            context.Defer(dataTerminology, code.CodeString, constraintText);
            return;
        }

        if (!external && codes.Count > 0 && !codes.Contains(code.CodeString) && context.Fail())
            context.Error(ValidationErrorCodes.CodeNotAllowed, constraintText, $"{dataTerminology}::{code.CodeString}",
                $"code {code.CodeString} is not among the codes the template allows");
    }
}

/// <summary>C_DV_QUANTITY: units from a list, each with its magnitude range and precision, and the property.</summary>
internal sealed class QuantityChecker : ObjectChecker
{
    private readonly CQuantityItem[] items;
    private readonly string[] rangeTexts;
    private readonly string[] precisionTexts;
    private readonly string unitsText;
    private readonly CodePhrase? property;

    public QuantityChecker(CDvQuantity constraint, RmType rmType) : base(constraint, rmType)
    {
        items = [.. constraint.Items];
        rangeTexts = [.. items.Select(i => $"{i.Magnitude?.ToString() ?? "*"} {i.Units}")];
        precisionTexts = [.. items.Select(i => i.Precision?.ToString() ?? "*")];
        unitsText = string.Join('|', items.Select(i => i.Units));
        property = constraint.Property;
    }

    public override void Check(RmObject value, ValidationContext context)
    {
        RmRules.Walk(value, context);
        if (value is not DvQuantity quantity) return;

        if (property is not null && quantity.Property is { } p && p.CodeString != property.CodeString && context.Fail())
            context.Error(ValidationErrorCodes.PropertyMismatch, $"{property.TerminologyId.Value}::{property.CodeString}",
                $"{p.TerminologyId.Value}::{p.CodeString}", "the quantity measures another property than the template's", "property");

        if (items.Length == 0) return;
        var index = -1;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i].Units != quantity.Units) continue;
            index = i;
            break;
        }

        if (index < 0)
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.UnitsNotAllowed, unitsText, quantity.Units,
                    $"units '{quantity.Units}' are not among the template's ({unitsText})", "units");
            return;
        }

        var item = items[index];
        if (item.Magnitude is { } range && !range.Contains(quantity.Magnitude) && context.Fail())
            context.Error(ValidationErrorCodes.OutOfRange, rangeTexts[index], Number(quantity.Magnitude),
                $"magnitude {Number(quantity.Magnitude)} {quantity.Units} is outside {rangeTexts[index]}", "magnitude");

        if (item.Precision is not { } precision) return;
        if (quantity.Precision is { } stated && !precision.Contains(stated))
        {
            if (context.Fail())
                context.Error(ValidationErrorCodes.Precision, precisionTexts[index], stated.ToString(CultureInfo.InvariantCulture),
                    $"precision {stated} is outside {precisionTexts[index]}", "precision");
            return;
        }

        // The magnitude may not have more decimals than the precision says (the stated one, else the template's upper bound).
        var places = quantity.Precision is >= 0 ? quantity.Precision : precision.Upper;
        if (places is >= 0 and <= 15 && Math.Round(quantity.Magnitude, places.Value) != quantity.Magnitude && context.Fail())
            context.Error(ValidationErrorCodes.Precision, $"at most {places} decimals", Number(quantity.Magnitude),
                $"magnitude {Number(quantity.Magnitude)} has more than {places} decimals", "magnitude");
    }
}

/// <summary>C_DV_ORDINAL: the value and symbol must be one of the listed pairs.</summary>
internal sealed class OrdinalChecker : ObjectChecker
{
    private readonly OrdinalOption[] options;
    private readonly string text;

    public OrdinalChecker(CDvOrdinal constraint, RmType rmType) : base(constraint, rmType)
    {
        options = [.. constraint.Options];
        text = string.Join(", ", options.Select(o => $"{o.Value}|{o.Symbol.TerminologyId.Value}::{o.Symbol.CodeString}"));
    }

    public override void Check(RmObject value, ValidationContext context)
    {
        RmRules.Walk(value, context);
        if (value is not DvOrdinal ordinal || options.Length == 0) return;
        var code = ordinal.Symbol?.DefiningCode;
        foreach (var option in options)
        {
            if (option.Value == ordinal.Value && code is not null && option.Symbol.CodeString == code.CodeString
                && CodePhraseChecker.SameTerminology(code.TerminologyId.Value, option.Symbol.TerminologyId.Value))
                return;
        }

        if (context.Fail())
            context.Error(ValidationErrorCodes.OrdinalNotAllowed, text, $"{ordinal.Value}|{code?.TerminologyId.Value}::{code?.CodeString}",
                "the ordinal's value and symbol are not one of the template's pairs");
    }
}

/// <summary>C_DV_SCALE: the value and symbol must be one of the listed pairs.</summary>
internal sealed class ScaleChecker : ObjectChecker
{
    private readonly ScaleOption[] options;
    private readonly string text;

    public ScaleChecker(CDvScale constraint, RmType rmType) : base(constraint, rmType)
    {
        options = [.. constraint.Options];
        text = string.Join(", ", options.Select(o => $"{Number(o.Value)}|{o.Symbol.TerminologyId.Value}::{o.Symbol.CodeString}"));
    }

    public override void Check(RmObject value, ValidationContext context)
    {
        RmRules.Walk(value, context);
        if (value is not DvScale scale || options.Length == 0) return;
        var code = scale.Symbol?.DefiningCode;
        foreach (var option in options)
        {
            if (option.Value == scale.Value && code is not null && option.Symbol.CodeString == code.CodeString
                && CodePhraseChecker.SameTerminology(code.TerminologyId.Value, option.Symbol.TerminologyId.Value))
                return;
        }

        if (context.Fail())
            context.Error(ValidationErrorCodes.OrdinalNotAllowed, text, $"{Number(scale.Value)}|{code?.TerminologyId.Value}::{code?.CodeString}",
                "the scale's value and symbol are not one of the template's pairs");
    }
}
