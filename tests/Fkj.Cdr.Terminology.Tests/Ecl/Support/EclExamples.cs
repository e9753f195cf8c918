namespace Fkj.Cdr.Terminology.Tests.Ecl.Support;

/// <summary>A valid expression constraint, where it comes from, and the tree it must give (see <see cref="EclShape"/>).</summary>
public sealed record EclExample(string Source, string Ecl, string Shape)
{
    public override string ToString() => Source;
}

/// <summary>
/// Valid expression constraints with the trees read off them by hand. "spec x.y" are the examples of
/// the ECL specification (the official example files of IHTSDO/snomed-expression-constraint-language,
/// numbered by their section, and the examples on its pages: 6.7 nested expression constraints, 6.8
/// description filters); "issue 7" is the refinement of the benchmark; the rest cover every
/// operator, filter and spelling the grammar has, long syntax included. Identifiers are as in the
/// examples (some, like 111115, are placeholders the specification uses).
/// </summary>
public static class EclExamples
{
    public static readonly IReadOnlyList<EclExample> All =
    [
        // --- 1 simple expression constraints, 12 top and bottom -----------------------------------
        new("spec 1.1 self", "404684003 |clinical finding|", "404684003"),
        new("spec 1.2 descendantOf", "< 404684003 |clinical finding|", "<404684003"),
        new("spec 1.3 descendantOrSelfOf", "<< 73211009 |diabetes mellitus|", "<<73211009"),
        new("spec 1.4 ancestorOf", "> 40541001 |acute pulmonary edema|", ">40541001"),
        new("spec 1.5 ancestorOrSelfOf", ">> 40541001|acute pulmonary edema|", ">>40541001"),
        new("spec 1.6 memberOf", "^ 700043003 |example problem list concepts reference set |", "^700043003"),
        new("spec 1.8 childOf", "<! 404684003 |clinical finding|", "<!404684003"),
        new("spec 1.9 parentOf", ">! 40541001 |acute pulmonary edema|", ">!40541001"),
        new("spec 1.10 alternate identifier", "<< LOINC#54486-6", "<<LOINC#54486-6"),
        new("spec 12.1 top", "!!> ( < 386617003 |Digestive system finding| . 363698007 |Finding site| )",
            "!!>(dot(<386617003, 363698007))"),
        new("spec 12.2 bottom",
            "!!< ( >> 427089005 |Diabetes mellitus due to cystic fibrosis| AND ^ 816080008 |International Patient Summary| )",
            "!!<(and(>>427089005, ^816080008))"),

        // --- 2 refinements ---------------------------------------------------------------------------
        new("spec 2.1 attribute", """
            < 19829001 |disorder of lung|: 
                116676008 |associated morphology| = 79654002 |edema|
            """, "refine(<19829001, 116676008=79654002)"),
        new("spec 2.2 attribute", """
            < 19829001 |disorder of lung|: 
                116676008 |associated morphology| = << 79654002 |edema|
            """, "refine(<19829001, 116676008=<<79654002)"),
        new("spec 2.3 attributes", """
            < 404684003 |clinical finding|:
                363698007 |finding site| = << 39057004 |pulmonary valve structure|,
                116676008 |associated morphology| = << 415582006 |stenosis|
            """, "refine(<404684003, all(363698007=<<39057004, 116676008=<<415582006))"),
        new("spec 2.4 wildcard focus", """
            * :
                246075003 |causative agent| = 387517004 |paracetamol|
            """, "refine(*, 246075003=387517004)"),
        new("spec 2.5 attribute groups", """
            < 404684003 |clinical finding|:
                { 363698007 |finding site| = << 39057004 |pulmonary valve structure|,
                  116676008 |associated morphology| = << 415582006 |stenosis| },
                { 363698007 |finding site| = << 53085002 |right ventricular structure|,
                  116676008 |associated morphology| = << 56246009 |hypertrophy| }
            """,
            "refine(<404684003, all(group(all(363698007=<<39057004, 116676008=<<415582006)), group(all(363698007=<<53085002, 116676008=<<56246009))))"),
        new("spec 2.6 nested attribute", """
            < 404684003 |clinical finding|:
                47429007 |associated with| =
                    ( < 404684003 |clinical finding|:
                        116676008 |associated morphology| = << 55641003 |infarct| )
            """, "refine(<404684003, 47429007=(refine(<404684003, 116676008=<<55641003)))"),
        new("spec 2.7 attribute constraint operator (ancestors)", """
            << 404684003 |clinical finding|:
                >> 246075003 |causative agent| = << 267038008 |edema|
            """, "refine(<<404684003, >>246075003=<<267038008)"),
        new("spec 2.7 attribute constraint operator (descendants)", """
            << 404684003 |clinical finding|:
                << 47429007 |associated with| = << 267038008 |edema|
            """, "refine(<<404684003, <<47429007=<<267038008)"),
        new("spec 2.8 concrete values", """
            < 27658006 |amoxicillin |:
                411116001 |has dose form| = << 385049006 |capsule|,
                { 111115 |has basis of strength| =
                    ( 111115 |amoxicillin only|:
                        111115 |strength magnitude| >= #500,
                        111115 |strength unit| = 258684004 |mg| ) }
            """, "refine(<27658006, all(411116001=<<385049006, group(111115=(refine(111115, all(111115>=#500, 111115=258684004))))))"),
        new("spec 2.9 concrete value range", """
            < 27658006 |amoxicillin |:
                411116001 |has dose form| = << 385049006 |capsule|,
                { 111115 |has basis of strength| =
                    ( 111115 |amoxicillin only|:
                        111115 |strength magnitude| >= #500,
                        111115 |strength magnitude| <= #800,
                        111115 |strength unit| = 258684004 |mg| ) }
            """,
            "refine(<27658006, all(411116001=<<385049006, group(111115=(refine(111115, all(111115>=#500, 111115<=#800, 111115=258684004))))))"),
        new("spec 2.10 concrete string", """
            < 373873005 |pharmaceutical / biologic product|:
                111115 |trade name| = "PANADOL"
            """, "refine(<373873005, 111115=\"PANADOL\")"),
        new("spec 2.11 concrete boolean", """
            < 373873005 |Pharmaceutical / biologic product|:
                859999999102 |Is in national benefit scheme| = TRUE
            """, "refine(<373873005, 859999999102=true)"),
        new("spec 2.11 reverse", """
            < 105590001 |substance|: 
                R 127489000 |has active ingredient| = 111115 |TRIPHASIL tablet|
            """, "refine(<105590001, R127489000=111115)"),
        new("spec 2.12 any attribute name", """
            < 404684003 |clinical finding|:
                * = 79654002 |edema|
            """, "refine(<404684003, *=79654002)"),
        new("spec 2.13 any attribute value", """
            < 404684003 |clinical finding|:
                116676008 |associated morphology| = *
            """, "refine(<404684003, 116676008=*)"),
        new("spec 2.14 reverse", """
            < 105590001 |substance|:
                R 127489000 |has active ingredient| = 111115 |TRIPHASIL tablet|
            """, "refine(<105590001, R127489000=111115)"),
        new("spec 2.15 dot notation",
            "< 105590001 |Substance| AND\n    ( < 27658006 |Product containing amoxicillin| . << 127489000 |Has active ingredient| )",
            "and(<105590001, (dot(<27658006, <<127489000)))"),
        new("spec 2.15 dotted attributes",
            "< 91723000 |Anatomical structure| AND ( < 125605004 |Fracture of bone| . 363698007 |Finding site| )",
            "and(<91723000, (dot(<125605004, 363698007)))"),
        new("spec 2.16 dotted attributes", "< 125605004 |Fracture of bone| . 363698007 |Finding site|", "dot(<125605004, 363698007)"),
        new("spec 2.17 dotted attributes",
            "< 105590001 |Substance| AND ( 249999999101 |TRIPHASIL tablet| . 127489000 |Has active ingredient| )",
            "and(<105590001, (dot(249999999101, 127489000)))"),
        new("spec 2.18 dotted attributes", "249999999101 |TRIPHASIL tablet| . 127489000 |Has active ingredient|",
            "dot(249999999101, 127489000)"),
        new("spec 2.19 dotted attributes", "< 19829001 |Disorder of lung| . < 47429007 |Associated with| . 363698007 |Finding site|",
            "dot(<19829001, <47429007, 363698007)"),
        new("spec 2.20 dotted attributes",
            "( ( < 19829001 |Disorder of lung| ) . < 47429007 |Associated with| ) . 363698007 |Finding site|",
            "dot((dot((<19829001), <47429007)), 363698007)"),

        // --- 3 cardinality ---------------------------------------------------------------------------
        new("spec 3.1 attribute cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [0..1] 127489000 |has active ingredient| = < 105590001 |substance|
            """, "refine(<373873005, [0..1]127489000=<105590001)"),
        new("spec 3.2 attribute cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [1..1] 127489000 |has active ingredient| = < 105590001 |substance|
            """, "refine(<373873005, [1..1]127489000=<105590001)"),
        new("spec 3.3 group cardinality", """
            < 404684003 |clinical finding|: 
                [0..0] { [2..*] 363698007 |finding site| = < 91723000 |anatomical structure| }
            """, "refine(<404684003, group[0..0]([2..*]363698007=<91723000))"),
        new("spec 3.4 group cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [1..3] { [1..*] 127489000 |has active ingredient| = < 105590001 |substance| }
            """, "refine(<373873005, group[1..3]([1..*]127489000=<105590001))"),
        new("spec 3.5 attribute cardinality", """
            < 404684003 |clinical finding|:
                [1..1] 363698007 |finding site| = < 91723000 |anatomical structure|
            """, "refine(<404684003, [1..1]363698007=<91723000)"),
        new("spec 3.6 attribute cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [1..*] 127489000 |has active ingredient| = < 105590001 |substance|
            """, "refine(<373873005, [1..*]127489000=<105590001)"),
        new("spec 3.7 cardinality in a group", """
            < 404684003 |clinical finding|: 
                { [2..*] 363698007 |finding site| = < 91723000 |anatomical structure| }
            """, "refine(<404684003, group([2..*]363698007=<91723000))"),
        new("spec 3.8 group cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [1..*] { 127489000 |has active ingredient| = < 105590001 |substance| }
            """, "refine(<373873005, group[1..*](127489000=<105590001))"),
        new("spec 3.9 group cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [0..1] { 127489000 |has active ingredient| = < 105590001 |substance| }
            """, "refine(<373873005, group[0..1](127489000=<105590001))"),
        new("spec 3.10 attribute cardinality", """
            < 404684003 |clinical finding|: 
                [2..*] 363698007 |finding site| = < 91723000 |anatomical structure|
            """, "refine(<404684003, [2..*]363698007=<91723000)"),
        new("spec 3.11 attribute cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [1..3] 127489000 |has active ingredient| = < 105590001 |substance|
            """, "refine(<373873005, [1..3]127489000=<105590001)"),
        new("spec 3.12 group cardinality", """
            < 404684003 |clinical finding|:
                [1..1] { 363698007 |finding site| = < 91723000 |anatomical structure| }
            """, "refine(<404684003, group[1..1](363698007=<91723000))"),
        new("spec 3.13 group cardinality", """
            < 373873005 |pharmaceutical / biologic product|:
                [1..*] { [1..*] 127489000 |has active ingredient| = < 105590001 |substance| }
            """, "refine(<373873005, group[1..*]([1..*]127489000=<105590001))"),
        new("spec 3.14 reverse cardinality", "< 105590001 |Substance| : [3..3] R 127489000 |Has active ingredient| = *",
            "refine(<105590001, [3..3]R127489000=*)"),

        // --- 4 conjunction and disjunction -----------------------------------------------------------
        new("spec 4.1 conjunction", "< 19829001 |disorder of lung| AND < 301867009 |edema of trunk|", "and(<19829001, <301867009)"),
        new("spec 4.2 disjunction", "< 19829001 |disorder of lung| OR < 301867009 |edema of trunk|", "or(<19829001, <301867009)"),
        new("spec 4.3 conjunction with memberOf",
            "< 19829001|disorder of lung| AND ^ 700043003 |example problem list concepts reference set|",
            "and(<19829001, ^700043003)"),
        new("spec 4.4 nested conjunction", """
            (< 19829001 |disorder of lung| AND < 301867009 |edema of trunk|) AND 
            ^ 700043003 |example problem list concepts reference set|
            """, "and((and(<19829001, <301867009)), ^700043003)"),
        new("spec 4.5 conjunction in disjunction", """
            (< 19829001 |disorder of lung| AND < 301867009 |edema of trunk|) OR 
            ^ 700043003 |example problem list concepts reference set|
            """, "or((and(<19829001, <301867009)), ^700043003)"),
        new("spec 4.6 attribute conjunction", """
            < 404684003 |clinical finding|:
                363698007 |finding site| = << 39057004 |pulmonary valve structure| AND
                116676008 |associated morphology| = << 415582006 |stenosis|
            """, "refine(<404684003, all(363698007=<<39057004, 116676008=<<415582006))"),
        new("spec 4.7 attribute disjunction", """
            < 404684003 |clinical finding|: 
                116676008 |associated morphology| = << 55641003 |infarct| OR
                42752001 |due to| = << 22298006 |myocardial infarction|
            """, "refine(<404684003, any(116676008=<<55641003, 42752001=<<22298006))"),
        new("spec 4.8 attribute conjunction in conjunction", """
            < 404684003 |clinical finding|:
                ( 363698007 |finding site| = << 39057004 |pulmonary valve structure| AND
                  116676008 |associated morphology| = << 415582006 |stenosis| ) AND
                42752001 |due to| = << 445238008|malignant carcinoid tumor|
            """, "refine(<404684003, all(all(363698007=<<39057004, 116676008=<<415582006), 42752001=<<445238008))"),
        new("spec 4.9 attribute conjunction in disjunction", """
            < 404684003 |clinical finding|:
                ( 363698007 |finding site| = << 39057004 |pulmonary valve structure| AND
                  116676008 |associated morphology| = << 415582006 |stenosis|) OR
                42752001 |due to| = << 445238008|malignant carcinoid tumor|
            """, "refine(<404684003, any(all(363698007=<<39057004, 116676008=<<415582006), 42752001=<<445238008))"),
        new("spec 4.10 attribute group disjunction", """
            < 404684003 |clinical finding|:
                { 363698007 |finding site| = << 39057004 |pulmonary valve structure|,
                  116676008 |associated morphology| = << 415582006 |stenosis|} OR
                { 363698007 |finding site| = << 53085002 |right ventricular structure|,
                  116676008 |associated morphology| = << 56246009 |hypertrophy|}
            """,
            "refine(<404684003, any(group(all(363698007=<<39057004, 116676008=<<415582006)), group(all(363698007=<<53085002, 116676008=<<56246009))))"),
        new("spec 4.11 attribute value disjunction", """
            ^ 450990004 |adverse drug reactions reference set for GP/FP health issue|:
                246075003 |causative agent| =
                  ( < 373873005 |pharmaceutical / biologic product| OR < 105590001 |substance| )
            """, "refine(^450990004, 246075003=(or(<373873005, <105590001)))"),
        new("spec 4.12 attribute value conjunction", """
            < 404684003 |clinical finding|:
                116676008 |associated morphology| = ( << 56208002|ulcer| AND << 50960005|hemorrhage| )
            """, "refine(<404684003, 116676008=(and(<<56208002, <<50960005)))"),

        // --- 5 exclusion and not equals --------------------------------------------------------------
        new("spec 5.1 exclusion", "<< 19829001 |disorder of lung| MINUS << 301867009 |edema of trunk|", "minus(<<19829001, <<301867009)"),
        new("spec 5.2 exclusion of a refset",
            "<< 19829001 |disorder of lung| MINUS ^ 700043003 |example problem list concepts reference set|",
            "minus(<<19829001, ^700043003)"),
        new("spec 5.3 exclusion in a value", """
            < 404684003 |clinical finding|:
                116676008 |associated morphology| =
                ( ( << 56208002 |ulcer| AND << 50960005 |hemorrhage| ) MINUS << 26036001 |obstruction| )
            """, "refine(<404684003, 116676008=(minus((and(<<56208002, <<50960005)), <<26036001)))"),
        new("spec 5.4 not equal", """
            < 404684003 |clinical finding|: 
                116676008 |associated morphology| != << 26036001 |obstruction|
            """, "refine(<404684003, 116676008!=<<26036001)"),
        new("spec 5.5 none equal", """
            < 404684003 |clinical finding|: 
                [0..0] 116676008 |associated morphology| = << 26036001 |obstruction|
            """, "refine(<404684003, [0..0]116676008=<<26036001)"),
        new("spec 5.6 none not equal", """
            < 404684003 |clinical finding|: 
                [0..0] 116676008 |associated morphology| != << 26036001 |obstruction|
            """, "refine(<404684003, [0..0]116676008!=<<26036001)"),
        new("spec 5.7 only equal", """
            < 404684003 |clinical finding|: 
                [0..0] 116676008 |associated morphology| != << 26036001 |obstruction| and
                [1..*] 116676008 |associated morphology| = << 26036001 |obstruction|
            """, "refine(<404684003, all([0..0]116676008!=<<26036001, [1..*]116676008=<<26036001))"),

        // --- 6 comments, 7 nesting -------------------------------------------------------------------
        new("spec 6.1 comments", """
            /* Disorders of lung with edema */
            < 19829001 |Disorder of lung| : /* Descendants of disorder of lung */
                116676008 |Associated morphology| = << 79654002 |Edema|
                /* Where the associated morphology is edema or a subtype */
            """, "refine(<19829001, 116676008=<<79654002)"),
        new("spec 7.1 nested constraint operator", "<< (^ 700043003 |Example problem list concepts reference set| )", "<<(^700043003)"),
        new("spec 7.2 nested memberOf", "^ ( < 450973005 |GP/FP health issue reference set| )", "^(<450973005)"),
        new("spec 7.3 nested refinement in a conjunction", """
            ( < 404684003 |Clinical finding| :
                363698007 |Finding site| = << 39057004 |Pulmonary valve structure| )
            AND ^ 700043003 |Example problem list concepts reference set|
            """, "and((refine(<404684003, 363698007=<<39057004)), ^700043003)"),
        new("spec 7.4 two nested refinements", """
            ( < 404684003 |Clinical finding| :
                363698007 |Finding site| = << 39057004 |Pulmonary valve structure| )
            AND ( < 64572001 |Disease| :
                116676008 |Associated morphology| = << 415582006 |Stenosis| )
            """, "and((refine(<404684003, 363698007=<<39057004)), (refine(<64572001, 116676008=<<415582006)))"),
        new("spec 7.5 nested dotted attribute", """
            ( << 17636008 |Specimen collection| :
                424226004 |Using device| = << 19923001 |Catheter| ) . 363701004 |Direct substance|
            """, "dot((refine(<<17636008, 424226004=<<19923001)), 363701004)"),
        new("spec 7.6 refined disjunction", """
            ( << 404684003 |Clinical finding (finding)| OR << 272379006 |Event (event)| ):
                255234002 |After| = << 71388002 |Procedure (procedure)|
            """, "refine((or(<<404684003, <<272379006)), 255234002=<<71388002)"),
        new("spec 7.7 nested attribute name", """
            << 125605004 |Fracture of bone| :
                [0..0] ( ( << 410662002 |Concept model attribute| MINUS 363698007 |Finding site| ) MINUS 116676008 |Associated morphology| ) = *
            """, "refine(<<125605004, [0..0](minus((minus(<<410662002, 363698007)), 116676008))=*)"),
        new("spec 7.8 nested attribute value", """
            < 404684003 |Clinical finding| :
                47429007 |Associated with| =
                    ( < 404684003 |Clinical finding| :
                        116676008 |Associated morphology| = << 55641003 |Infarct| )
            """, "refine(<404684003, 47429007=(refine(<404684003, 116676008=<<55641003)))"),
        new("spec 6.7 page: nested memberOf", "<< (^700043003 |Example problem list concepts reference set|)", "<<(^700043003)"),
        new("spec 6.7 page: descendants of a dotted attribute", "< (125605004 |Fracture of bone|.363698007 |Finding site|)",
            "<(dot(125605004, 363698007))"),
        new("spec 6.7 page: its equivalent", "< 272673000 |Bone structure|", "<272673000"),
        new("spec 6.7 page: dotted attribute of descendants", "< 125605004 |Fracture of bone|.363698007 |Finding site|",
            "dot(<125605004, 363698007)"),
        new("spec 6.7 page: the same, bracketed", "(< 125605004 |Fracture of bone|).363698007 |Finding site|",
            "dot((<125605004), 363698007)"),

        // --- 8 description filters -------------------------------------------------------------------
        new("spec 8.1.0 term filter", "* {{ D term = \"heart att\" }}", "* {D term=\"heart att\"}"),
        new("spec 8.1.1 term filter", "< 64572001 |Disease| {{ term = \"heart att\" }}", "<64572001 {D term=\"heart att\"}"),
        new("spec 8.1.2 two term filters", "< 64572001 |Disease| {{ term = \"heart\", term = \"att\" }}", "<64572001 {D term=\"heart\"; term=\"att\"}"),
        new("spec 8.1.3 match", "< 64572001 |Disease| {{ term = match:\"heart att\" }}", "<64572001 {D term=\"heart att\"}"),
        new("spec 8.1.4 word order", "< 64572001 |Disease| {{ term = \"att heart\" }}", "<64572001 {D term=\"att heart\"}"),
        new("spec 8.1.5 term set", "< 64572001 |Disease| {{ term = (\"heart\" \"card\") }}", "<64572001 {D term=(\"heart\" \"card\")}"),
        new("spec 8.1.6 wild", "< 64572001 |Disease| {{ term = wild:\"cardi*opathy\" }}", "<64572001 {D term=wild:\"cardi*opathy\"}"),
        new("spec 8.1.7 typed term set", "< 64572001 |Disease| {{ term = (match:\"gas\" wild:\"*itis\") }}",
            "<64572001 {D term=(\"gas\" wild:\"*itis\")}"),
        new("spec 8.1.8 two filter constraints", "< 64572001 |Disease| {{ term = \"eye\" }} {{ term = wild:\"*itis\" }}",
            "<64572001 {D term=\"eye\"} {D term=wild:\"*itis\"}"),
        new("spec 8.2.1 language", "< 64572001 |Disease| {{ term = \"hjärt\", language = sv }}", "<64572001 {D term=\"hjärt\"; language=sv}"),
        new("spec 8.2.2 languages",
            "< 64572001 |Disease| {{ term = \"hjärt\", language = sv }} {{ term = \"heart\", language = en }}",
            "<64572001 {D term=\"hjärt\"; language=sv} {D term=\"heart\"; language=en}"),
        new("spec 8.3.1 type", "< 56265001 |Heart disease| {{ term = \"heart\", type = fsn }}", "<56265001 {D term=\"heart\"; type=fsn}"),
        new("spec 8.3.2 type and language", "< 56265001 |Heart disease| {{ term = \"hjärt\", language = SV, type = syn }}",
            "<56265001 {D term=\"hjärt\"; language=SV; type=syn}"),
        new("spec 8.3.3 typeId",
            "< 56265001 |Heart disease| {{ term = \"hjärta\", language = sv, typeId = 900000000000013009 |synonym| }}",
            "<56265001 {D term=\"hjärta\"; language=sv; typeId=900000000000013009}"),
        new("spec 8.3.4 type set", "< 56265001 |Heart disease| {{ term = \"heart\", type = (syn fsn) }}",
            "<56265001 {D term=\"heart\"; type=(syn fsn)}"),
        new("spec 8.3.5 typeId set",
            "< 56265001 |Heart disease| {{ term = \"heart\", typeId = ( 900000000000013009 |Synonym| 900000000000003001 |Fully specified name| ) }}",
            "<56265001 {D term=\"heart\"; typeId=(900000000000013009 900000000000003001)}"),
        new("spec 8.4.1 dialect", "< 64572001 |Disease| {{ dialect = en-au }}", "<64572001 {D dialect=en-au}"),
        new("spec 8.4.2 dialectId", "< 64572001 |Disease| {{ dialectId = 32570271000036106 |Australian English language reference set| }}",
            "<64572001 {D dialectId=32570271000036106}"),
        new("spec 8.4.3 term and dialect", "< 64572001 |Disease| {{ term = \"cardio\", dialect = en-nz }}", "<64572001 {D term=\"cardio\"; dialect=en-nz}"),
        new("spec 8.4.4 dialect set", "< 64572001 |Disease| {{ term = \"card\", dialect = ( en-nhs-clinical en-nhs-pharmacy ) }}",
            "<64572001 {D term=\"card\"; dialect=(en-nhs-clinical en-nhs-pharmacy)}"),
        new("spec 8.5.1 description id", "< 131148009 |Bleeding| {{ D id = 670169018 }}", "<131148009 {D id=670169018}"),
        new("spec 6.8 page: focus without operator", "64572001 |Disease|  {{ term = \"heart att\"}}", "64572001 {D term=\"heart att\"}"),
        new("spec 6.8 page: two terms", "64572001 |Disease|  {{ term = \"heart\", term = \"att\"}}", "64572001 {D term=\"heart\"; term=\"att\"}"),
        new("spec 6.8 page: match", "64572001 |Disease|  {{ term = match:\"heart att\"}}", "64572001 {D term=\"heart att\"}"),
        new("spec 6.8 page: word order", "64572001 |Disease|  {{ term = \"att heart\"}}", "64572001 {D term=\"att heart\"}"),
        new("spec 6.8 page: two constraints", "< 64572001 |Disease| {{ term = \"eye\"}} {{ term = wild:\"*itis\"}}",
            "<64572001 {D term=\"eye\"} {D term=wild:\"*itis\"}"),

        // --- 9 concept filters -----------------------------------------------------------------------
        new("spec 9.1.1 definition status", "< 56265001 |Heart disease| {{ C definitionStatus = primitive }}",
            "<56265001 {C definitionStatus=primitive}"),
        new("spec 9.1.2 definition status id", "< 56265001 |Heart disease| {{ C definitionStatusId = 900000000000074008 |Primitive| }}",
            "<56265001 {C definitionStatusId=900000000000074008}"),
        new("spec 9.1.3 defined", "< 56265001 |Heart disease| {{ C definitionStatus = defined }}", "<56265001 {C definitionStatus=defined}"),
        new("spec 9.1.4 defined id", "< 56265001 |Heart disease| {{ C definitionStatusId = 900000000000073002 |Defined| }}",
            "<56265001 {C definitionStatusId=900000000000073002}"),
        new("spec 9.1.5 concept and description filters",
            "< 64572001 |Disease| {{ C definitionStatus = primitive }} {{ D term = \"heart\"}}",
            "<64572001 {C definitionStatus=primitive} {D term=\"heart\"}"),
        new("spec 9.2.1 module", "< 195967001 |Asthma| {{ C moduleId = 731000124108 |US National Library of Medicine maintained module| }}",
            "<195967001 {C moduleId=731000124108}"),
        new("spec 9.2.2 status and module",
            "< 195967001 |Asthma| {{ C definitionStatus = primitive, moduleId = 900000000000207008 |SNOMED CT core module| }}",
            "<195967001 {C definitionStatus=primitive; moduleId=900000000000207008}"),
        new("spec 9.3.1 effective time", "< 125605004 |Fracture of bone| {{ C effectiveTime = \"20210131\" }}",
            "<125605004 {C effectiveTime=\"20210131\"}"),
        new("spec 9.3.2 effective time not", "< 125605004 |Fracture of bone| {{ C effectiveTime != \"20210131\" }}",
            "<125605004 {C effectiveTime!=\"20210131\"}"),
        new("spec 9.3.3 effective time from", "< 125605004 |Fracture of bone| {{ C effectiveTime >= \"20190731\" }}",
            "<125605004 {C effectiveTime>=\"20190731\"}"),
        new("spec 9.3.4 effective time until", "< 125605004 |Fracture of bone| {{ C effectiveTime <= \"20190731\" }}",
            "<125605004 {C effectiveTime<=\"20190731\"}"),
        new("spec 9.3.5 effective time set",
            "< 125605004 |Fracture of bone| {{ C effectiveTime = (\"20190131\" \"20190731\" \"20200131\" \"20200731\") }}",
            "<125605004 {C effectiveTime=(\"20190131\" \"20190731\" \"20200131\" \"20200731\")}"),
        new("spec 9.3.7 no effective time", "< 125605004 |Fracture of bone| {{ C effectiveTime = \"\" }}", "<125605004 {C effectiveTime=\"\"}"),
        new("spec 9.4.1 active 1", "^ 816080008 |International Patient Summary| {{ C active = 1 }}", "^816080008 {C active=true}"),
        new("spec 9.4.2 active true", "^ 816080008 |International Patient Summary| {{ C active = true }}", "^816080008 {C active=true}"),
        new("spec 9.4.3 active 0", "^ 816080008 |International Patient Summary| {{ C active = 0 }}", "^816080008 {C active=false}"),
        new("spec 9.4.4 active false", "^ 816080008 |International Patient Summary| {{ C active = false }}", "^816080008 {C active=false}"),

        // --- 10 member filters, 11 history supplements -----------------------------------------------
        new("spec 10.1.1 member field", "^ 447562003 |ICD-10 complex map reference set| {{ M mapTarget = \"J45.9\" }}",
            "^447562003 {M mapTarget=\"J45.9\"}"),
        new("spec 10.1.2 member fields",
            "^ 447562003 |ICD-10 complex map reference set| {{ M mapGroup = #2, mapPriority = #1, mapTarget = \"J45.9\" }}",
            "^447562003 {M mapGroup=#2; mapPriority=#1; mapTarget=\"J45.9\"}"),
        new("spec 10.1.3 member field comparisons",
            "^ 447562003 |ICD-10 complex map reference set| {{ M mapGroup != #2, mapPriority < #2, mapTarget = wild:\"J*\" }}",
            "^447562003 {M mapGroup!=#2; mapPriority<#2; mapTarget=wild:\"J*\"}"),
        new("spec 10.1.4 refset field selection",
            "^ [targetComponentId] 900000000000527005 |SAME AS association reference set| {{ M referencedComponentId = 67415000 |Hay asthma| }}",
            "^[targetComponentId]900000000000527005 {M referencedComponentId=67415000}"),
        new("spec 11.1.1 history subset",
            "<< 195967001 |Asthma| {{ + HISTORY ( 900000000000527005 |SAME AS association reference set| ) }}",
            "<<195967001 {+HISTORY(900000000000527005)}"),
        new("spec 11.1.2 history minimum", "<< 195967001 |Asthma| {{ + HISTORY-MIN }}", "<<195967001 {+HISTORY-MIN}"),
        new("spec 11.1.3 history moderate", "<< 195967001 |Asthma| {{ + HISTORY-MOD }}", "<<195967001 {+HISTORY-MOD}"),
        new("spec 11.1.4 history maximum", "<< 195967001 |Asthma| {{ + HISTORY-MAX }}", "<<195967001 {+HISTORY-MAX}"),

        // --- the refinement ------------------------------------------------------------------
        new("issue 7 refinement", "<< 404684003 : 363698007 = << 39057004", "refine(<<404684003, 363698007=<<39057004)"),

        // --- operators, spellings and the long syntax ------------------------------------------------
        new("childOrSelfOf", "<<! 404684003 |Clinical finding|", "<<!404684003"),
        new("parentOrSelfOf", ">>! 40541001 |Acute pulmonary edema|", ">>!40541001"),
        new("top of a concept", "!!> 404684003", "!!>404684003"),
        new("bottom of a hierarchy", "!!< (<< 404684003)", "!!<(<<404684003)"),
        new("no white space", "<<73211009|Diabetes mellitus|", "<<73211009"),
        new("long: descendantOf", "descendantOf 404684003 |Clinical finding|", "<404684003"),
        new("long: descendantOrSelfOf", "descendantOrSelfOf 73211009", "<<73211009"),
        new("long: childOf", "childOf 404684003", "<!404684003"),
        new("long: childOrSelfOf", "CHILDORSELFOF 404684003", "<<!404684003"),
        new("long: ancestorOf", "ancestorOf 40541001", ">40541001"),
        new("long: ancestorOrSelfOf", "ancestorOrSelfOf 40541001", ">>40541001"),
        new("long: parentOf", "parentOf 40541001", ">!40541001"),
        new("long: parentOrSelfOf", "parentOrSelfOf 40541001", ">>!40541001"),
        new("long: memberOf and ANY", "memberOf 700043003 AND ANY", "and(^700043003, *)"),
        new("long: refinement", "< 105590001 : [1 to many] reverseOf 127489000 NOT = ANY, 127489000 <> *",
            "refine(<105590001, all([1..*]R127489000!=*, 127489000!=*))"),
        new("long: type, acceptability and definition status words",
            "< 64572001 {{ type = (synonym fullySpecifiedName definition), dialect = en-gb (preferred acceptable) }} {{ C definitionStatus = (primitive defined) }}",
            "<64572001 {D type=(syn fsn def); dialect=en-gb(prefer accept)} {C definitionStatus=(primitive defined)}"),
        new("keywords in any case", "< 19829001 and < 301867009 And ^ 700043003", "and(<19829001, <301867009, ^700043003)"),
        new("lower-case or and minus", "(< 19829001 or < 301867009) minus ^ 700043003", "minus((or(<19829001, <301867009)), ^700043003)"),
        new("comma as conjunction", "< 19829001 , < 301867009, ^ 700043003", "and(<19829001, <301867009, ^700043003)"),
        new("AND and comma together", "< 19829001 AND < 301867009 , ^ 700043003", "and(<19829001, <301867009, ^700043003)"),
        new("three-way disjunction", "<< 19829001 OR << 301867009 OR 404684003", "or(<<19829001, <<301867009, 404684003)"),
        new("memberOf under an operator", "<< ^ 700043003 |Example problem list concepts reference set|", "<<^700043003"),
        new("all refset fields", "^ [*] 447562003 |ICD-10 complex map reference set|", "^[*]447562003"),
        new("several refset fields", "^ [ mapTarget , mapGroup ] 447562003", "^[mapTarget,mapGroup]447562003"),
        new("quoted alternate identifier with a term", "\"LOINC#54486-6\" |Fractional oxyhemoglobin|", "LOINC#54486-6"),
        new("quoted alternate identifier with a space", "< \"ICD-10#J45 9\"", "<ICD-10#J45 9"),
        new("alternate identifier with dots", "ICD-10#J45.9 |Asthma|", "ICD-10#J45.9"),
        new("deep parentheses", "((((< 404684003))))", "((((<404684003))))"),
        new("filters on a nested expression", "(< 404684003 OR < 64572001) {{ C active = true }}", "(or(<404684003, <64572001)) {C active=true}"),
        new("comments everywhere",
            "</*a*/404684003/*b*/|Clinical finding|/*c*/:/*d*/363698007/*e*/=/*f*/*",
            "refine(<404684003, 363698007=*)"),
        new("tabs and line breaks", "<\t404684003\r\n:\n363698007\t=\r<<\t39057004", "refine(<404684003, 363698007=<<39057004)"),

        // --- refinements: more shapes ----------------------------------------------------------------
        new("wildcards everywhere", "* : * = *", "refine(*, *=*)"),
        new("numeric comparisons", "< 763158003 : 1142135004 >= #0.5, 1142135004 < #-2.25, 1142135004 = #+3, 1142135004 > #0, 1142135004 != #10",
            "refine(<763158003, all(1142135004>=#0.5, 1142135004<#-2.25, 1142135004=#3, 1142135004>#0, 1142135004!=#10))"),
        new("string set and not equal", "< 373873005 : 111115 != (\"PANADOL\" wild:\"PANA*\")",
            "refine(<373873005, 111115!=(\"PANADOL\" wild:\"PANA*\"))"),
        new("booleans", "< 373873005 : 859999999102 = false OR 859999999102 != True",
            "refine(<373873005, any(859999999102=false, 859999999102!=true))"),
        new("parenthesised refinement in a conjunction", "< 404684003 : (363698007 = * OR 116676008 = *), 42752001 = *",
            "refine(<404684003, all(any(363698007=*, 116676008=*), 42752001=*))"),
        new("attribute name in parentheses", "< 404684003 : (<< 410662002 MINUS 363698007) = *",
            "refine(<404684003, (minus(<<410662002, 363698007))=*)"),
        new("attribute name in parentheses with a filter", "< 404684003 : (<< 410662002) {{ C active = 1 }} = *",
            "refine(<404684003, (<<410662002) {C active=true}=*)"),
        new("disjunction in a group", "< 404684003 : { 363698007 = * OR 116676008 = * }",
            "refine(<404684003, group(any(363698007=*, 116676008=*)))"),
        new("parentheses in a group", "< 404684003 : { (363698007 = * OR 116676008 = *), 42752001 = * }",
            "refine(<404684003, group(all(any(363698007=*, 116676008=*), 42752001=*)))"),
        new("group and attribute", "< 404684003 : { 363698007 = * }, [0..0] 42752001 = *",
            "refine(<404684003, all(group(363698007=*), [0..0]42752001=*))"),
        new("groups in parentheses", "< 404684003 : ({ 363698007 = * } OR { 116676008 = * }), 42752001 = *",
            "refine(<404684003, all(any(group(363698007=*), group(116676008=*)), 42752001=*))"),
        new("glued reverse flag", "< 105590001 : R127489000 = *", "refine(<105590001, R127489000=*)"),
        new("lower-case reverse flag", "< 105590001 : r 127489000 = *", "refine(<105590001, R127489000=*)"),
        new("memberOf as attribute name", "< 404684003 : ^ 723264001 = *", "refine(<404684003, ^723264001=*)"),
        new("filtered attribute value", "< 404684003 : 363698007 = < 91723000 {{ term = \"heart\" }}",
            "refine(<404684003, 363698007=<91723000 {D term=\"heart\"})"),
        new("attribute value with history", "< 404684003 : 246075003 = 387517004 {{ + HISTORY-MIN }}",
            "refine(<404684003, 246075003=387517004 {+HISTORY-MIN})"),
        new("refined memberOf with a dotted value", "^ 700043003 : 363698007 = (< 125605004 . 363698007)",
            "refine(^700043003, 363698007=(dot(<125605004, 363698007)))"),
        new("quoted alternate identifier as a value", "< 404684003 : 246075003 = \"ICD-10#J45 9\" {{ C active = 1 }}",
            "refine(<404684003, 246075003=ICD-10#J45 9 {C active=true})"),
        new("quoted alternate identifier as a nested value", "< 404684003 : 246075003 = (\"ICD-10#J45 9\")",
            "refine(<404684003, 246075003=(ICD-10#J45 9))"),
        new("string values that look like alternate identifiers", "< 373873005 : 111115 = match:\"No#1\" OR 111115 = (\"No#1\" \"x\")",
            "refine(<373873005, any(111115=\"No#1\", 111115=(\"No#1\" \"x\")))"),
        new("large cardinality", "< 404684003 : [0..2147483647] 363698007 = *", "refine(<404684003, [0..2147483647]363698007=*)"),
        new("decimal with scale", "< 763158003 : 1142135004 = #2.50", "refine(<763158003, 1142135004=#2.50)"),

        // --- filters: more shapes --------------------------------------------------------------------
        new("dialect with acceptability", "< 64572001 {{ dialect = en-gb (prefer) }}", "<64572001 {D dialect=en-gb(prefer)}"),
        new("dialect set with acceptabilities", "< 64572001 {{ dialect = (en-gb (prefer) en-us (accept prefer)) }}",
            "<64572001 {D dialect=(en-gb(prefer) en-us(accept prefer))}"),
        new("dialectId with acceptability", "< 64572001 {{ dialectId = 900000000000508004 |GB English| (prefer accept) }}",
            "<64572001 {D dialectId=900000000000508004(prefer accept)}"),
        new("dialectId set", "< 64572001 {{ dialectId = (900000000000508004 (prefer) 900000000000509007) (accept) }}",
            "<64572001 {D dialectId=(900000000000508004(prefer) 900000000000509007)(accept)}"),
        new("acceptability by concept", "< 64572001 {{ dialect = en-us (900000000000548007 |Preferred|) }}",
            "<64572001 {D dialect=en-us(900000000000548007)}"),
        new("dialectId expression", "< 64572001 {{ dialectId = << 900000000000506000 |Language type reference set| }}",
            "<64572001 {D dialectId=<<900000000000506000}"),
        new("description module, time and active", "< 64572001 {{ D moduleId = 900000000000207008, effectiveTime > \"20200131\", active = true }}",
            "<64572001 {D moduleId=900000000000207008; effectiveTime>\"20200131\"; active=true}"),
        new("active either", "< 64572001 {{ d active = * }}", "<64572001 {D active=*}"),
        new("description id set", "< 131148009 {{ id = (670169018 680169011) }}", "<131148009 {D id=(670169018 680169011)}"),
        new("language set, not equal", "< 64572001 {{ language != (en sv no) }}", "<64572001 {D language!=(en sv no)}"),
        new("type not definition", "< 64572001 {{ TYPE != def }}", "<64572001 {D type!=def}"),
        new("typeId expression", "< 64572001 {{ typeId = << 900000000000446008 |Description type| }}",
            "<64572001 {D typeId=<<900000000000446008}"),
        new("term not equal, wild with escapes", "< 64572001 {{ term != wild:\"a\\*b\\\\c\\\"d\" }}",
            "<64572001 {D term!=wild:\"a\\*b\\\\c\\\"d\"}"),
        new("match term with escapes and unicode", "< 64572001 {{ term = \"hjärt \\\"x\\\"\" }}",
            "<64572001 {D term=\"hjärt \\\"x\\\"\"}"),
        new("concept filters: status ids, modules, times",
            "< 64572001 {{ C definitionStatusId = (900000000000074008 900000000000073002), moduleId = (900000000000207008 900000000000012004), effectiveTime < \"20200131\" }}",
            "<64572001 {C definitionStatusId=(900000000000074008 900000000000073002); moduleId=(900000000000207008 900000000000012004); effectiveTime<\"20200131\"}"),
        new("lower-case concept letter", "< 64572001 {{ c active = 0, effectiveTime > \"20200131\" }}",
            "<64572001 {C active=false; effectiveTime>\"20200131\"}"),
        new("glued filter letters", "< 404684003 {{Cactive = 1}} {{Dterm=\"heart\"}}", "<404684003 {C active=true} {D term=\"heart\"}"),
        new("member module, time and active", "^ 447562003 {{ M active = 1, moduleId = 449080006, effectiveTime >= \"20180731\" }}",
            "^447562003 {M active=true; moduleId=449080006; effectiveTime>=\"20180731\"}"),
        new("member string and expression fields", "^ 447562003 {{ M mapAdvice = match:\"CONTEXT DEPENDENT\", mapCategoryId = << 447634004 }}",
            "^447562003 {M mapAdvice=\"CONTEXT DEPENDENT\"; mapCategoryId=<<447634004}"),
        new("member time and boolean fields", "^ 900000000000527005 {{ M targetEffectiveTime > \"20200101\", flag = true, when <= (\"20200101\" \"\") }}",
            "^900000000000527005 {M targetEffectiveTime>\"20200101\"; flag=true; when<=(\"20200101\" \"\")}"),
        new("member, concept and description filters", "^ 447562003 {{ M mapTarget = \"J45.9\" }} {{ C active = true }} {{ term = \"asthma\" }}",
            "^447562003 {M mapTarget=\"J45.9\"} {C active=true} {D term=\"asthma\"}"),
        new("member filters under an operator", "<< ^ 700043003 {{ M active = true }} {{ M moduleId = 900000000000207008 }}",
            "<<^700043003 {M active=true} {M moduleId=900000000000207008}"),
        new("history spellings", "< 195967001 {{+HISTORY}} OR < 64572001 {{ + history_max }} OR < 56265001 {{+History-mod}}",
            "or(<195967001 {+HISTORY}, <64572001 {+HISTORY-MAX}, <56265001 {+HISTORY-MOD})"),
        new("history after filters", "< 195967001 {{ C active = true }} {{ + HISTORY (^ 900000000000527005 OR ^ 900000000000530003) }}",
            "<195967001 {C active=true} {+HISTORY(or(^900000000000527005, ^900000000000530003))}"),
    ];

    /// <summary>Every example's text, for the round-trip and fuzz tests.</summary>
    public static IEnumerable<string> Texts => All.Select(e => e.Ecl);
}
