using Fkj.Cdr.Terminology.Index;
using Fkj.Cdr.Terminology.Rf2;
using Fkj.Cdr.Testing;

namespace Fkj.Cdr.Fhir.Tests.Operations;

/// <summary>
/// The Snowstorm dummy release (../shared/fixtures/snomed/snowstorm-dummy/RF2Release), built once. Facts read off
/// its RF2 files with awk, in Snapshot/ (T=Terminology, L=Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_20180731.txt,
/// D=$T/sct2_Description_Snapshot-en_INT_20180731.txt, R=$T/sct2_Relationship_Snapshot_INT_20180731.txt):
/// - <c>awk -F'\t' 'NR&gt;1' $T/sct2_Concept_Snapshot*</c>: 103 concepts, 2 inactive (118225008, 246188002); 131148009
///   is sufficiently defined (900000000000073002), module 900000000000207008; 900000000000523009 and
///   900000000000526001 are active, module 900000000000012004.
/// - <c>awk -F'\t' '$3==1 &amp;&amp; $8==116680003 {print $5,$6}' $R</c>: 404684003's children 64572001, 131148009,
///   250171008; 131148009's parent 404684003; 250171008 → 118222006, 300577008; 118222006 → 72670004. So
///   &lt;&lt; 404684003 is 64572001, 72670004, 118222006, 131148009, 250171008, 300577008, 404684003 and
///   &lt;&lt; 250171008 is 72670004, 118222006, 250171008, 300577008.
/// - <c>awk -F'\t' '$5==131148009' $D</c> with the en-GB rows of $L: 735516015 "Bleeding (finding)" FSN and 210860014
///   "Bleeding" synonym, both preferred; 50960005's "Bleeding" is only acceptable, its preferred synonym "Haemorrhage".
/// - der2_cRefset_AssociationReferenceSnapshot: 900000000000523009 holds 118225008, 900000000000526001 holds 246188002
///   (both inactive concepts); the attribute-value refset is not one the index keeps.
/// - Search "clin" under &lt;&lt; 404684003 (every active non-definition description with a word starting "clin",
///   category 0 preferred / 1 acceptable / 2 FSN in en-GB, then length):
///   <c>awk -F'\t' -v w=clin 'FNR==NR{if($3==1&amp;&amp;$5==900000000000508004)acc[$6]=($7==900000000000548007?"P":"A");next}
///   FNR&gt;1&amp;&amp;$3==1&amp;&amp;$7!=900000000000550004{n=split(tolower($8),t,/[^a-z0-9]+/);for(i=1;i&lt;=n;i++)if(index(t[i],w)==1){
///   print (acc[$1]==""?3:($7==900000000000003001?2:(acc[$1]=="P"?0:1))),length($8),$5,$8;break}}' $L $D | sort -n</c>
///   gives 404684003 (0, 16 "Clinical finding"), 250171008 (0, 41), 64572001 (1, 32), then 138875005 outside the set.
/// </summary>
internal static class DummyRelease
{
    private static readonly Lazy<SnomedIndex> Lazy = new(() =>
        SnomedIndexBuilder.Build(Rf2Release.Open(Fixtures.Path("snomed", "snowstorm-dummy", "RF2Release"))));

    public static SnomedIndex Index => Lazy.Value;

    public static readonly long[] ClinicalFindingAndBelow = [64572001, 72670004, 118222006, 131148009, 250171008, 300577008, 404684003];
}
