using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>The openEHR profile's domain types: C_DV_QUANTITY, C_CODE_PHRASE (and C_CODE_REFERENCE), C_DV_ORDINAL, C_DV_SCALE.</summary>
public class OptDomainTypeTests
{
    private const string Header = """
          <occurrences>
            <lower_included>true</lower_included><upper_included>true</upper_included>
            <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded><lower>1</lower><upper>1</upper>
          </occurrences>
          <node_id/>
        """;

    [Fact]
    public void C_dv_quantity_with_property_units_ranges_and_assumed_value()
    {
        var template = Parse(ElementValue($"""
            <children xsi:type="C_DV_QUANTITY">
              <rm_type_name>DV_QUANTITY</rm_type_name>
              {Header}
              <assumed_value><magnitude>80.0</magnitude><units>mm[Hg]</units><precision>0</precision></assumed_value>
              <property><terminology_id><value>openehr</value></terminology_id><code_string>125</code_string></property>
              <list>
                <magnitude>
                  <lower_included>true</lower_included><upper_included>false</upper_included>
                  <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
                  <lower>0.0</lower><upper>1000.0</upper>
                </magnitude>
                <precision>
                  <lower_included>true</lower_included><upper_included>true</upper_included>
                  <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
                  <lower>0</lower><upper>0</upper>
                </precision>
                <units>mm[Hg]</units>
              </list>
              <list>
                <units>kPa</units>
                <units_system>http://unitsofmeasure.org</units_system>
                <units_display_name>kilopascal</units_display_name>
              </list>
            </children>
            """));

        var quantity = Assert.Single(template.Nodes().OfType<CDvQuantity>());
        Assert.Equal(ValuePath, quantity.Path);
        Assert.Equal(("openehr", "125"), (quantity.Property!.TerminologyId.Value, quantity.Property.CodeString));
        Assert.Equal(
            [
                new CQuantityItem("mm[Hg]", new Interval<double>(0.0, 1000.0, true, false), new Interval<int>(0, 0)),
                new CQuantityItem("kPa", null, null, "http://unitsofmeasure.org", "kilopascal"),
            ],
            quantity.Items);
        Assert.Equal((80.0, "mm[Hg]", (int?)0), (quantity.AssumedValue!.Magnitude, quantity.AssumedValue.Units, quantity.AssumedValue.Precision));
    }

    [Fact]
    public void C_code_phrase_with_local_codes_and_an_assumed_value()
    {
        var template = Parse(ElementValue(Complex("DV_CODED_TEXT", "", Single("defining_code", $"""
            <children xsi:type="C_CODE_PHRASE">
              <rm_type_name>CODE_PHRASE</rm_type_name>
              {Header}
              <assumed_value><terminology_id><value>local</value></terminology_id><code_string>at0006</code_string></assumed_value>
              <terminology_id><value>local</value></terminology_id>
              <code_list>at0005</code_list>
              <code_list>at0006</code_list>
            </children>
            """, existenceLower: 1)), terms: Term("at0005", "Left") + Term("at0006", "Right")));

        var phrase = Assert.Single(template.Nodes().OfType<CCodePhrase>());
        Assert.Equal(ValuePath + "/defining_code", phrase.Path);
        Assert.True(phrase.IsLocal);
        Assert.Equal(["at0005", "at0006"], phrase.CodeList);
        Assert.Equal("at0006", phrase.AssumedValue!.CodeString);
        Assert.Null(phrase.ReferenceSetUri);
        Assert.Equal("Right", phrase.ArchetypeRoot!.Terminology.Term("at0006", "en")!.Text);
    }

    [Fact]
    public void C_code_reference_gives_an_external_value_set()
    {
        var template = Parse(ElementValue(Complex("DV_CODED_TEXT", "", Single("defining_code", $"""
            <children xsi:type="C_CODE_REFERENCE">
              <rm_type_name>CODE_PHRASE</rm_type_name>
              {Header}
              <referenceSetUri>terminology://fhir.hl7.org/ValueSet/$expand?url=http://snomed.info/sct?fhir_vs=isa/404684003</referenceSetUri>
            </children>
            """, existenceLower: 1))));

        var phrase = Assert.Single(template.Nodes().OfType<CCodePhrase>());
        Assert.Null(phrase.TerminologyId);
        Assert.Empty(phrase.CodeList);
        Assert.Equal("terminology://fhir.hl7.org/ValueSet/$expand?url=http://snomed.info/sct?fhir_vs=isa/404684003", phrase.ReferenceSetUri);
    }

    [Fact]
    public void C_dv_ordinal_pairs_values_with_coded_symbols()
    {
        var template = Parse(ElementValue($"""
            <children xsi:type="C_DV_ORDINAL">
              <rm_type_name>DV_ORDINAL</rm_type_name>
              {Header}
              <list>
                <value>0</value>
                <symbol><defining_code><terminology_id><value>local</value></terminology_id><code_string>at0005</code_string></defining_code></symbol>
              </list>
              <list>
                <value>3</value>
                <symbol>
                  <value>Severe</value>
                  <defining_code><terminology_id><value>local</value></terminology_id><code_string>at0006</code_string></defining_code>
                </symbol>
              </list>
            </children>
            """, terms: Term("at0005", "None") + Term("at0006", "Severe")));

        var ordinal = Assert.Single(template.Nodes().OfType<CDvOrdinal>());
        Assert.Equal([(0, "local", "at0005"), (3, "local", "at0006")],
            ordinal.Options.Select(o => (o.Value, o.Symbol.TerminologyId.Value, o.Symbol.CodeString)));
        Assert.Null(ordinal.AssumedValue);
    }

    [Fact]
    public void C_dv_scale_pairs_real_values_with_coded_symbols()
    {
        var template = Parse(ElementValue($"""
            <children xsi:type="C_DV_SCALE">
              <rm_type_name>DV_SCALE</rm_type_name>
              {Header}
              <list>
                <symbol><defining_code><terminology_id><value>local</value></terminology_id><code_string>at0005</code_string></defining_code></symbol>
                <value>0.5</value>
              </list>
            </children>
            """, terms: Term("at0005", "Half")));

        var scale = Assert.Single(template.Nodes().OfType<CDvScale>());
        var option = Assert.Single(scale.Options);
        Assert.Equal((0.5, "at0005"), (option.Value, option.Symbol.CodeString));
    }
}
