using Fkj.Cdr.Templates.Opt;
using Fkj.Cdr.Templates.Opt.Constraints;
using Fkj.Cdr.Templates.Opt.Primitives;
using static Fkj.Cdr.Templates.Tests.Support.OptText;

namespace Fkj.Cdr.Templates.Tests.Opt;

/// <summary>C_PRIMITIVE_OBJECT items: C_STRING, C_INTEGER, C_REAL, C_BOOLEAN and the temporal constraints.</summary>
public class OptPrimitiveTests
{
    /// <summary>The primitive constraining <c>attribute</c> of a <c>rmType</c> element value.</summary>
    private static CPrimitiveObject Read(string rmType, string attribute, string primitiveType, string item)
    {
        var template = Parse(ElementValue(Complex(rmType, "", Single(attribute, Primitive(primitiveType, item), existenceLower: 1))));
        var primitive = Assert.Single(template.Nodes().OfType<CPrimitiveObject>());
        Assert.Equal($"{ValuePath}/{attribute}", primitive.Path);
        Assert.Equal(primitiveType, primitive.RmTypeName);
        return primitive;
    }

    [Fact]
    public void C_string_with_a_list()
    {
        var item = Assert.IsType<CString>(Read("DV_TEXT", "value", "STRING", """
            <item xsi:type="C_STRING">
              <list>Left</list>
              <list>Right</list>
              <list_open>true</list_open>
              <assumed_value>Left</assumed_value>
            </item>
            """).Item);

        Assert.Equal(["Left", "Right"], item.List);
        Assert.True(item.ListOpen);
        Assert.Null(item.Pattern);
        Assert.Equal("Left", item.AssumedValue);
        Assert.Equal("STRING", item.TypeName);
    }

    [Fact]
    public void C_string_with_a_pattern_is_trimmed()
    {
        var item = Assert.IsType<CString>(Read("DV_IDENTIFIER", "id", "STRING", """
            <item xsi:type="C_STRING">
              <pattern>
                XYZ.*
              </pattern>
            </item>
            """).Item);

        Assert.Equal("XYZ.*", item.Pattern);
        Assert.Empty(item.List);
        Assert.False(item.ListOpen);
    }

    [Fact]
    public void C_integer_with_a_range_and_with_a_list()
    {
        var range = Assert.IsType<CInteger>(Read("DV_COUNT", "magnitude", "INTEGER", """
            <item xsi:type="C_INTEGER">
              <range>
                <lower_included>true</lower_included><upper_included>false</upper_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
                <lower>0</lower><upper>100</upper>
              </range>
              <assumed_value>10</assumed_value>
            </item>
            """).Item);
        Assert.Equal(new Interval<long>(0, 100, true, false), range.Range);
        Assert.Equal(10, range.AssumedValue);
        Assert.False(range.Range!.Value.Contains(100));

        var list = Assert.IsType<CInteger>(Read("DV_PROPORTION", "type", "INTEGER", """
            <item xsi:type="C_INTEGER"><list>0</list><list>2</list></item>
            """).Item);
        Assert.Equal([0L, 2L], list.List);
        Assert.Null(list.Range);
    }

    [Fact]
    public void C_real_with_a_half_open_range()
    {
        var item = Assert.IsType<CReal>(Read("DV_PROPORTION", "numerator", "REAL", """
            <item xsi:type="C_REAL">
              <range>
                <lower_included>false</lower_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>true</upper_unbounded>
                <lower>0.5</lower>
              </range>
            </item>
            """).Item);

        Assert.Equal(new Interval<double>(0.5, null, false, false), item.Range);
        Assert.False(item.Range!.Value.Contains(0.5));
        Assert.True(item.Range.Value.Contains(1e9));
    }

    [Fact]
    public void C_boolean()
    {
        var item = Assert.IsType<CBoolean>(Read("DV_BOOLEAN", "value", "BOOLEAN", """
            <item xsi:type="C_BOOLEAN"><true_valid>true</true_valid><false_valid>false</false_valid><assumed_value>true</assumed_value></item>
            """).Item);

        Assert.Equal((true, false, (bool?)true), (item.TrueValid, item.FalseValid, item.AssumedValue));
    }

    [Fact]
    public void C_date_time_with_a_pattern()
    {
        var item = Assert.IsType<CTemporal>(Read("DV_DATE_TIME", "value", "DATE_TIME", """
            <item xsi:type="C_DATE_TIME"><pattern>yyyy-mm-ddTHH:??:??</pattern></item>
            """).Item);

        Assert.Equal("DATE_TIME", item.TypeName);
        Assert.Equal("yyyy-mm-ddTHH:??:??", item.Pattern);
        Assert.Null(item.RangeLower);
        Assert.Null(item.RangeUpper);
    }

    [Fact]
    public void C_duration_with_a_pattern_a_range_and_an_assumed_value()
    {
        var item = Assert.IsType<CTemporal>(Read("DV_DURATION", "value", "DURATION", """
            <item xsi:type="C_DURATION">
              <pattern>PYMWD</pattern>
              <range>
                <lower_included>true</lower_included><upper_included>true</upper_included>
                <lower_unbounded>false</lower_unbounded><upper_unbounded>false</upper_unbounded>
                <lower>P0Y</lower><upper>P150Y</upper>
              </range>
              <assumed_value>P1Y</assumed_value>
            </item>
            """).Item);

        Assert.Equal("DURATION", item.TypeName);
        Assert.Equal("PYMWD", item.Pattern);
        Assert.Equal(("P0Y", "P150Y", true, true), (item.RangeLower, item.RangeUpper, item.RangeLowerIncluded, item.RangeUpperIncluded));
        Assert.Equal("P1Y", item.AssumedValue);
    }

    [Fact]
    public void C_date_with_an_upper_bound_only()
    {
        var item = Assert.IsType<CTemporal>(Read("DV_DATE", "value", "DATE", """
            <item xsi:type="C_DATE">
              <range>
                <upper_included>false</upper_included>
                <lower_unbounded>true</lower_unbounded><upper_unbounded>false</upper_unbounded>
                <upper>2030-01-01</upper>
              </range>
            </item>
            """).Item);

        Assert.Equal("DATE", item.TypeName);
        Assert.Equal(((string?)null, "2030-01-01", false), (item.RangeLower, item.RangeUpper, item.RangeUpperIncluded));
    }
}
