using System.Xml;
using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Parsing;
using Fkj.Cdr.Templates.Tests.Support;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>Every fixture OPT: the valid ones parse into a consistent tree, the invalid ones are refused for their reason.</summary>
public class OptFixtureTests
{
    /// <summary>
    /// A valid-folder fixture with a <c>&lt;children&gt;</c> element directly inside an ITEM_SINGLE
    /// C_COMPLEX_OBJECT (children belong inside C_ATTRIBUTEs; the <c>item</c> attribute is missing).
    /// Unknown content in a constraint node is dropped with a warning: the template then constrains
    /// less, never more, so it cannot refuse data it was meant to accept.
    /// </summary>
    private const string MisplacedChildren = "openehr/ehrbase-integration-tests/valid_templates/validation/clinical_content_validation.opt";

    public static TheoryData<string> Valid => OptFixtures.AsTheoryData(OptFixtures.Valid());

    public static TheoryData<string> Invalid => OptFixtures.AsTheoryData(OptFixtures.Invalid());

    private static OperationalTemplate Parse(string file)
    {
        using var stream = File.OpenRead(OptFixtures.FullPath(file));
        return OptParser.Parse(stream);
    }

    private static OptParseException Refuse(string file)
    {
        using var stream = File.OpenRead(OptFixtures.FullPath(file));
        return Assert.Throws<OptParseException>(() => OptParser.Parse(stream));
    }

    [Fact]
    public void The_fixture_sets_are_complete()
    {
        // 97 .opt under valid_templates; 63 .opt and one .xml OPT (AlternativeEvents.xml) in the SDK data.
        Assert.Equal(161, OptFixtures.Valid().Count());
        Assert.Equal(19, OptFixtures.Invalid().Count());
    }

    [Fact]
    public void The_other_files_under_invalid_templates_are_compositions_or_notes()
    {
        var others = OptFixtures.NotOpts(OptFixtures.InvalidFolder).ToList();
        Assert.Equal(
            [
                "openehr/ehrbase-integration-tests/invalid_templates/minimal_persistent/persistent_minimal.composition.extdatetime.invalid.xml",
                "openehr/ehrbase-integration-tests/invalid_templates/nested/nested.composition.extdatetimes.invalid.xml",
                "openehr/ehrbase-integration-tests/invalid_templates/removed_template_id/invalid_readme.txt",
            ],
            others);
        foreach (var composition in others.Where(f => f.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = XmlReader.Create(OptFixtures.FullPath(composition));
            reader.MoveToContent();
            Assert.Equal("composition", reader.LocalName);
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_opt_parses_into_a_linked_tree(string file)
    {
        var template = Parse(file);

        Assert.NotEmpty(template.TemplateId);
        Assert.NotEmpty(template.Concept);
        Assert.NotEmpty(template.Language);
        Assert.Equal(template.Language, template.Languages[0]);
        Assert.Equal(template.Languages.Count, template.Languages.Distinct().Count());

        var nodes = template.Nodes().ToList();
        Assert.True(nodes.Count > 1, "the definition constrains nothing");
        Assert.Equal("/", template.Definition.Path);
        Assert.Same(template.Definition, template.Definition.ArchetypeRoot);
        Assert.Null(template.Definition.Parent);
        foreach (var node in nodes.Skip(1))
        {
            var attribute = Assert.IsType<CAttribute>(node.Parent);
            Assert.Contains(node, attribute.Children);
            Assert.Contains(attribute, attribute.Owner.Attributes);
            var predicate = node.NodeId.Length == 0 ? "" : $"[{node.NodeId}]";
            var parentPath = attribute.Owner.Path == "/" ? "" : attribute.Owner.Path;
            Assert.Equal($"{parentPath}/{attribute.RmAttributeName}{predicate}", node.Path);
            Assert.Same(node as CArchetypeRoot ?? attribute.Owner.ArchetypeRoot, node.ArchetypeRoot);
        }

        foreach (var reference in nodes.OfType<ArchetypeInternalRef>()) Assert.NotNull(reference.Target);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Every_node_id_has_a_term_in_the_template_language(string file)
    {
        var template = Parse(file);
        foreach (var node in template.Nodes())
        {
            var code = node is CArchetypeRoot root ? root.RootNodeId : node.NodeId;
            if (code.Length == 0) continue;
            var terms = node.ArchetypeRoot!.Terminology.Terms;
            Assert.True(terms.TryGetValue(template.Language, out var inLanguage) && inLanguage.ContainsKey(code),
                $"{node.Path}: {code} has no term in '{template.Language}'");
        }
    }

    [Fact]
    public void Children_directly_under_a_complex_object_are_dropped_with_a_warning()
    {
        var template = Parse(MisplacedChildren);
        var warning = Assert.Single(template.Warnings);
        Assert.Equal(OptErrorCodes.UnknownElement, warning.Code);
        Assert.Contains("<children> in C_COMPLEX_OBJECT", warning.Message);
        Assert.Equal(382, warning.Line);
        Assert.DoesNotContain(template.Nodes(), n => n.NodeId == "at0005" && n.RmTypeName == "ELEMENT" && n.Parent?.Owner.RmTypeName == "ITEM_SINGLE");
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_opt_is_refused_for_its_reason(string file)
    {
        var errors = Refuse(file).Errors;
        var (code, fragment) = ExpectedReason(file);
        Assert.Contains(errors, e => e.Code == code && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    /// <summary>What the folder (and, for removed elements, the file name) says is wrong.</summary>
    private static (string Code, string Fragment) ExpectedReason(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return file.Split('/')[^2] switch
        {
            "alien_tags" => (OptErrorCodes.UnknownElement, "<bullfrog>"),
            "empty_file" when name == "empty_xml_template" => (OptErrorCodes.MissingElement, "requires <template_id>"),
            "empty_file" => (OptErrorCodes.EmptyDocument, "no root element"),
            "multiple_elements" => (OptErrorCodes.DuplicateElement, $"<{MultipleElement(name)}> may appear only once"),
            "removed_mandatory_elements" when name.EndsWith("concept_value", StringComparison.Ordinal) => (OptErrorCodes.MissingElement, "concept is empty"),
            "removed_mandatory_elements" => (OptErrorCodes.MissingElement, $"requires <{name.Split('_')[^1]}>"),
            "removed_template_id" when name.EndsWith('1') => (OptErrorCodes.MissingElement, "template_id is empty"),
            "removed_template_id" when name.EndsWith('4') => (OptErrorCodes.MissingElement, "requires <template_id>"),
            "removed_template_id" => (OptErrorCodes.MissingElement, "<template_id> requires <value>"),
            var folder => throw new InvalidOperationException($"no expectation for folder {folder}"),
        };

        static string MultipleElement(string name) =>
            name.Contains("template-id", StringComparison.Ordinal) ? "template_id"
            : name.Contains("definition", StringComparison.Ordinal) ? "definition"
            : "concept";
    }

    [Fact]
    public void Invalid_template_id_with_text_instead_of_value_reports_both_problems()
    {
        var errors = Refuse("openehr/ehrbase-integration-tests/invalid_templates/removed_template_id/minimal_admin_invalid_3.opt").Errors;
        Assert.Equal(
            [(OptErrorCodes.UnexpectedText, 38L), (OptErrorCodes.MissingElement, 38L)],
            errors.Select(e => (e.Code, e.Line)));
        Assert.Contains("found 'bullfrog'", errors[0].Message);
    }

    [Fact]
    public void The_quantity_fixture_has_property_and_units_with_a_magnitude_range()
    {
        var template = Parse("openehr/ehrbase-integration-tests/valid_templates/all_types/Test_dv_quantity_property_units_constrained_with_magnitude_range.v0.opt");

        Assert.Equal("Test_dv_quantity_property_units_constrained_with_magnitude_range.v0", template.TemplateId);
        var quantity = Assert.Single(template.Nodes().OfType<CDvQuantity>());
        Assert.Equal("/content[openEHR-EHR-OBSERVATION.test123.v0]/data[at0001]/events[at0002]/data[at0003]/items[at0043]/value", quantity.Path);
        Assert.Equal("openEHR-EHR-OBSERVATION.test123.v0", quantity.ArchetypeRoot!.ArchetypeId);
        Assert.Equal(("openehr", "122"), (quantity.Property!.TerminologyId.Value, quantity.Property.CodeString));
        Assert.Equal(
            [
                new CQuantityItem("cm", new Interval<double>(5.0, 10.0), null, "http://unitsofmeasure.org", "cm"),
                new CQuantityItem("m", null, null, "http://unitsofmeasure.org", "m"),
            ],
            quantity.Items);
        Assert.Equal("ELEMENT", quantity.Parent!.Owner.RmTypeName);
        Assert.Equal("value", quantity.Parent.RmAttributeName);
    }

    [Fact]
    public void Translations_come_from_the_component_ontologies()
    {
        // language_test.opt is in German; its ontologies give English, Syrian Arabic and Finnish.
        var template = Parse("openehr/ehrbase-sdk-test-data/operationaltemplate/language_test.opt");

        Assert.Equal("de", template.Language);
        Assert.Equal(["de", "en", "ar-sy", "fi"], template.Languages);
        var root = template.Definition.Terminology;
        Assert.Equal("Extension", root.Terms["en"]["at0002"].Text);
        Assert.Equal("Laajennus", root.Terms["fi"]["at0002"].Text);
        Assert.Equal("e.g. Local hospital departmental infomation or additional metadata to align with FHIR or CIMI equivalents.",
            root.Terms["en"]["at0002"].OtherItems["comment"]);
    }
}
