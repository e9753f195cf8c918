using Fkj.Cdr.Fhir.Operations;
using Fkj.Cdr.Fhir.Resources;

namespace Fkj.Cdr.Fhir.Tests.Operations;

/// <summary>ValueSet/$expand of the implicit value sets over the dummy release (facts in <see cref="DummyRelease"/>).</summary>
public class ExpandOperationTests
{
    private static ValueSet Expand(params (string, string)[] input) => new ExpandOperation(DummyRelease.Index).Execute(OperationInput.Of(input));

    private static long[] Codes(ValueSet v) => v.Contains.Select(c => long.Parse(c.Code)).ToArray();

    [Fact]
    public void IsAIsTheConceptAndItsDescendantsInCodeOrderWithPreferredTerms()
    {
        var v = Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"));

        Assert.Equal("http://snomed.info/sct?fhir_vs=isa/404684003", v.Url);
        Assert.Equal(7, v.Total);
        Assert.Equal(0, v.Offset);
        Assert.Equal(DummyRelease.ClinicalFindingAndBelow, Codes(v));
        Assert.All(v.Contains, c => Assert.Equal("http://snomed.info/sct", c.System));
        Assert.Equal("Disease", v.Contains[0].Display);
        Assert.Equal("Sign", v.Contains[1].Display);
        Assert.Equal("Clinical finding", v.Contains[6].Display);
    }

    [Fact]
    public void CountAndOffsetPageTheExpansionAndAreEchoed()
    {
        var v = Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"), ("count", "2"), ("offset", "2"));

        Assert.Equal(7, v.Total);
        Assert.Equal(2, v.Offset);
        Assert.Equal([118222006L, 131148009], Codes(v));
        Assert.Equal(2, v.Parameters.Single(p => p.Name == "count").Value!.Integer);
        Assert.Equal(2, v.Parameters.Single(p => p.Name == "offset").Value!.Integer);

        var last = Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"), ("count", "5"), ("offset", "5"));
        Assert.Equal([300577008L, 404684003], Codes(last));

        var totalOnly = Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"), ("count", "0"));
        Assert.Equal(7, totalOnly.Total);
        Assert.Empty(totalOnly.Contains);
    }

    [Fact]
    public void AllConceptsIncludeTheInactiveOnesUnlessActiveOnly()
    {
        var all = Expand(("url", "http://snomed.info/sct?fhir_vs"), ("count", "200"));
        Assert.Equal(103, all.Total);
        Assert.Equal([118225008L, 246188002], all.Contains.Where(c => c.Inactive).Select(c => long.Parse(c.Code)));

        var active = Expand(("url", "http://snomed.info/sct?fhir_vs"), ("count", "200"), ("activeOnly", "true"));
        Assert.Equal(101, active.Total);
        Assert.DoesNotContain(active.Contains, c => c.Inactive);
    }

    [Fact]
    public void RefsetSetsAreTheReferenceSetsOrTheirMembers()
    {
        Assert.Equal([900000000000523009L, 900000000000526001], Codes(Expand(("url", "http://snomed.info/sct?fhir_vs=refset"))));

        var members = Expand(("url", "http://snomed.info/sct?fhir_vs=refset/900000000000523009"));
        Assert.Equal([118225008L], Codes(members));
        Assert.True(members.Contains[0].Inactive);

        var activeMembers = Expand(("url", "http://snomed.info/sct?fhir_vs=refset/900000000000523009"), ("activeOnly", "true"));
        Assert.Equal(0, activeMembers.Total);
    }

    [Fact]
    public void EclIsUrlDecoded()
    {
        var v = Expand(("url", "http://snomed.info/sct?fhir_vs=ecl/%3C%3C%20250171008"));
        Assert.Equal([72670004L, 118222006, 250171008, 300577008], Codes(v));

        var refined = Expand(("url", "http://snomed.info/sct?fhir_vs=ecl/" + Uri.EscapeDataString("< 404684003 : 116676008 = << 49755003")));
        Assert.Equal([131148009L, 300577008], Codes(refined));
    }

    [Fact]
    public void AFilterSearchesTermsWithinTheSetRankedByLanguageThenLength()
    {
        var v = Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"), ("filter", "clin"));

        Assert.Equal([404684003L, 250171008, 64572001], Codes(v));
        Assert.Equal(3, v.Total);
        Assert.Equal("clin", v.Parameters.Single(p => p.Name == "filter").Value!.Text);

        var bleed = Expand(("url", "http://snomed.info/sct?fhir_vs"), ("filter", "bleed"));
        Assert.Equal([131148009L, 50960005], Codes(bleed)); // preferred "Bleeding" before acceptable "Bleeding"
        Assert.Equal("Haemorrhage", bleed.Contains[1].Display);

        var page = Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"), ("filter", "clin"), ("count", "2"));
        Assert.Equal([404684003L, 250171008], Codes(page));
        Assert.Null(page.Total); // a full page: more may match
    }

    [Fact]
    public void AFilterKeepsInactiveConceptsOnlyWhenTheSetAndActiveOnlyAllowThem()
    {
        // Active descriptions with words starting "context" and "dependent": 118225008 (an inactive concept), 243796009,
        // 413350009: awk -F'\t' 'NR>1 && $3==1 && $7!=900000000000550004 {n=split(tolower($8),t,/[^a-z0-9]+/); a=0; b=0;
        // for(i=1;i<=n;i++){if(index(t[i],"context")==1)a=1; if(index(t[i],"dependent")==1)b=1} if(a&&b) print $5}' $D | sort -u
        var all = Expand(("url", "http://snomed.info/sct?fhir_vs"), ("filter", "context-dependent"));
        Assert.Equal([118225008L, 243796009, 413350009], Codes(all).Order());
        Assert.True(all.Contains.Single(c => c.Code == "118225008").Inactive);

        Assert.Equal([243796009L, 413350009], Codes(Expand(("url", "http://snomed.info/sct?fhir_vs"), ("filter", "context-dependent"), ("activeOnly", "true"))).Order());
        Assert.Equal([118225008L], Codes(Expand(("url", "http://snomed.info/sct?fhir_vs=refset/900000000000523009"), ("filter", "context"))));
        Assert.Empty(Codes(Expand(("url", "http://snomed.info/sct?fhir_vs=isa/404684003"), ("filter", "context-dependent"))));
    }

    [Fact]
    public void DesignationsAreIncludedWhenAsked()
    {
        var v = Expand(("url", "http://snomed.info/sct?fhir_vs=ecl/131148009"), ("includeDesignations", "true"));

        Assert.Equal(["Bleeding", "Bleeding (finding)"], v.Contains.Single().Designations!.Select(d => d.Value).Order());
        Assert.Null(Expand(("url", "http://snomed.info/sct?fhir_vs=ecl/131148009")).Contains.Single().Designations);
    }

    [Theory]
    [InlineData("http://loinc.org/vs", 404, "not-found")]
    [InlineData("http://snomed.info/sct?fhir_vs=unknown/1", 404, "not-found")]
    [InlineData("http://snomed.info/sct?fhir_vs=isa/abc", 400, "invalid")]
    [InlineData("http://snomed.info/sct?fhir_vs=isa/73211009", 404, "not-found")]
    [InlineData("http://snomed.info/sct?fhir_vs=ecl/", 400, "invalid")]
    public void AnUnknownOrMalformedValueSetIsAnError(string url, int status, string code)
    {
        var e = Assert.Throws<FhirException>(() => Expand(("url", url)));
        Assert.Equal((status, code, "url"), (e.Status, e.IssueCode, e.Expression));
    }

    [Fact]
    public void InvalidEclGivesItsPosition()
    {
        var e = Assert.Throws<FhirException>(() => Expand(("url", "http://snomed.info/sct?fhir_vs=ecl/" + Uri.EscapeDataString("<< 404684003 AND"))));

        Assert.Equal(400, e.Status);
        Assert.Contains("line 1, column 17", e.Message);
    }

    [Fact]
    public void AnUnknownConceptInEclGivesItsSpan()
    {
        var e = Assert.Throws<FhirException>(() => Expand(("url", "http://snomed.info/sct?fhir_vs=ecl/" + Uri.EscapeDataString("<< 73211009"))));

        Assert.Equal(400, e.Status);
        Assert.Contains("offset 3..11", e.Message);
    }

    [Theory]
    [InlineData("count", "-1")]
    [InlineData("offset", "x")]
    [InlineData("activeOnly", "yes")]
    public void BadParametersAre400(string name, string value)
    {
        var e = Assert.Throws<FhirException>(() => Expand(("url", "http://snomed.info/sct?fhir_vs"), (name, value)));
        Assert.Equal((400, name), (e.Status, e.Expression));
    }

    [Fact]
    public void AnUnpagedExpansionLargerThanTheLimitIsTooCostly()
    {
        var operation = new ExpandOperation(DummyRelease.Index, maxExpansion: 50);

        var e = Assert.Throws<FhirException>(() => operation.Execute(OperationInput.Of(("url", "http://snomed.info/sct?fhir_vs"))));
        Assert.Equal((422, "too-costly"), (e.Status, e.IssueCode));
        Assert.Equal(50, operation.Execute(OperationInput.Of(("url", "http://snomed.info/sct?fhir_vs"), ("count", "50"))).Contains.Count);
    }

    [Fact]
    public void AFilteredExpansionIsPagedOnlyThroughItsFirstThousandCodes()
    {
        var e = Assert.Throws<FhirException>(() => Expand(("url", "http://snomed.info/sct?fhir_vs"), ("filter", "clin"), ("offset", "2000000000"), ("count", "10")));
        Assert.Equal((422, "too-costly"), (e.Status, e.IssueCode));

        var last = Expand(("url", "http://snomed.info/sct?fhir_vs"), ("filter", "clin"), ("offset", "990"), ("count", "10"));
        Assert.Empty(last.Contains);
        Assert.Null(last.Total); // past the end: how many there are is not known from an empty page
    }
}
