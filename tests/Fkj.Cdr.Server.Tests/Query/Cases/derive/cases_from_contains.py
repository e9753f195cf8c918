"""FROM and CONTAINS: class expressions, predicates, nesting, AND / OR / NOT CONTAINS, one row per combination."""

from common import *

AREA = "from_contains"
HEADER = """FROM and CONTAINS: EHR, COMPOSITION, SECTION, the ENTRY types, CLUSTER, ELEMENT, EVENT_CONTEXT; archetype,
node and name predicates; nested CONTAINS, AND, OR, NOT CONTAINS. CONTAINS reaches any depth, and a query
gives one row per combination of the objects its variables match (only latest versions, deleted excluded)."""


def build():
    cases = []
    add = cases.append
    d = ds()

    # 001 every EHR, with or without compositions
    t = Trace()
    rows = []
    for key, e in d.ehrs.items():
        rows.append([ehr(key)])
        t.note(f"dataset.yaml ehrs: {key}" + (f" (EHR_STATUS {e.status_file}, subject {e.subject_id})" if e.status_file else " (created without a body)"))
    add(Case("from_contains.001", "FROM EHR alone gives every EHR of the tenant, also those without compositions",
             "SELECT e/ehr_id/value FROM EHR e", ["#0"], rows,
             derivation("One row per EHR the manifest creates (5); EHR 'empty' has no composition and is still an EHR.", t.lines)))

    # 002 EHR CONTAINS COMPOSITION: one row per live composition
    t = Trace()
    rows = []
    for c in d.live():
        rows.append([ehr(c.ehr)])
    per = {k: sum(1 for c in d.live() if c.ehr == k) for k in d.ehrs}
    t.note("live compositions per EHR (latest versions; 'deleted' in ins1921 excluded; the 6 refused items are not data): "
           + ", ".join(f"{k} {n}" for k, n in per.items()))
    add(Case("from_contains.002", "EHR CONTAINS COMPOSITION gives one row per composition; an EHR without compositions gives none",
             "SELECT e/ehr_id/value FROM EHR e CONTAINS COMPOSITION c", ["#0"], rows,
             derivation("Counted from dataset.yaml: every composition committed, minus the one deleted, minus the refused ones; "
                        "pm counts once (its 3 versions are one composition).", t.lines)))

    # 003 uids of one EHR
    t = Trace()
    rows = [[version(c.key)] for c in d.live(E1)]
    t.note("ins1920 compositions in dataset.yaml: " + ", ".join(c.key for c in d.live(E1)) + "; pm has 3 versions, so its uid is version 3")
    add(Case("from_contains.003", "EHR predicate on ehr_id: the composition uids of one EHR, each its latest version",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c", ["#0"], rows,
             derivation("c/uid/value is the version uid the server gave the latest version (bound as ${version:KEY}).", t.lines)))

    # 004 COMPOSITION by archetype, across EHRs, no EHR in FROM
    t = Trace()
    t.note(not_in_flat(CONF_COMPO))
    rows = []
    for c, doc in live(archetype=CONF_COMPO):
        rows.append([version(c.key), template_of(doc)])
        t.value(doc.root, "archetype_node_id")
    add(Case("from_contains.004", "COMPOSITION with an archetype predicate, without EHR in FROM, across all EHRs",
             f"SELECT c/uid/value, c/archetype_details/template_id/value FROM COMPOSITION c[{CONF_COMPO}]", ["#0", "#1"], rows,
             derivation("Three templates share the composition archetype conformance_composition_.v0; the deleted one is not returned.", t.lines)))

    # 005 report.v1 compositions with their EHR
    report = "openEHR-EHR-COMPOSITION.report.v1"
    t = Trace()
    t.note(not_in_flat(report))
    rows = []
    for c, doc in live(archetype=report):
        rows.append([ehr(c.ehr), t.value(doc.root, "name/value"), template_of(doc)])
    add(Case("from_contains.005", "EHR CONTAINS COMPOSITION[archetype]: the EHR variable and the composition's name together",
             f"SELECT e/ehr_id/value, c/name/value, c/archetype_details/template_id/value FROM EHR e CONTAINS COMPOSITION c[{report}]",
             ["#0", "#1", "#2"], rows,
             derivation("choice_ehrbase.de.v0 and both corona templates use openEHR-EHR-COMPOSITION.report.v1.", t.lines)))

    # 006 sample_encounter: same composition committed in two EHRs
    enc = "openEHR-EHR-COMPOSITION.sample_encounter.v1"
    t = Trace()
    t.note(not_in_flat(enc))
    rows = []
    for c, doc in live(archetype=enc):
        rows.append([ehr(c.ehr), version(c.key)])
        t.value(doc.root, "archetype_node_id")
    add(Case("from_contains.006", "The same fixture committed into two EHRs is two compositions, one per EHR",
             f"SELECT e/ehr_id/value, c/uid/value FROM EHR e CONTAINS COMPOSITION c[{enc}]", ["#0", "#1"], rows,
             derivation("bp_simple (ins1920) and bp_simple_b (ins1921) are both ehrbase_blood_pressure_simple.de.v0.json.", t.lines)))

    # 007 SECTION adhoc in one EHR (names)
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        for s in find(doc, "SECTION", ADHOC):
            rows.append([t.value(s, "name/value")])
    add(Case("from_contains.007", "SECTION with an archetype predicate inside the compositions of one EHR",
             f"SELECT s/name/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS SECTION s[{ADHOC}]", ["#0"], rows,
             derivation("Every SECTION of archetype adhoc.v1 at any depth of ins1920's compositions.", t.lines)))

    # 008 archetype predicate with a name
    t = Trace()
    rows = []
    for c, doc in live(ehrs=NON_FLAT):
        for s in find(doc, "SECTION", ADHOC, name="Section 1"):
            rows.append([ehr(c.ehr), t.value(s, "name/value")])
    add(Case("from_contains.008", "Archetype predicate with a name: [archetype_id, 'name'] keeps the sections of that name",
             f"SELECT e/ehr_id/value, s/name/value FROM EHR e CONTAINS SECTION s[{ADHOC}, 'Section 1'] WHERE e/ehr_id/value != '{ehr(E4)}'",
             ["#0", "#1"], rows,
             derivation("The aql-conformance compositions (contains, contains_b, contains_c) each have one adhoc section named 'Section 1'; "
                        "EHR 'flat' is left out by the WHERE because testcase09's FLAT compositions use SECTION.adhoc.v1.", t.lines)))

    # 009 composition contains section contains observation (contains composition)
    t = Trace()
    rows = []
    doc = d.compositions["contains"].latest
    for s in find(doc, "SECTION"):
        for o in find(s, "OBSERVATION"):
            rows.append([t.value(s, "name/value"), t.value(o, "archetype_node_id")])
    add(Case("from_contains.009", "Nested CONTAINS: COMPOSITION CONTAINS SECTION CONTAINS OBSERVATION, one row per (section, observation)",
             f"SELECT s/name/value, o/archetype_node_id FROM {in_ehr(E1)} CONTAINS COMPOSITION c[{CONF_COMPO}] CONTAINS SECTION s CONTAINS OBSERVATION o "
             f"WHERE c/archetype_details/template_id/value = 'aql-conformance-ehrbase.org.v0'",
             ["#0", "#1"], rows,
             derivation("In aql-conformance-ehrbase.org.v0_contains.json the conformance section holds 3 observations "
                        "(2 conformance_observation, 1 blood_pressure.v2) and each adhoc section one.", t.lines)))

    # 010 section contains section (type repetition): a node is not contained by itself
    t = Trace()
    rows = []
    doc = d.compositions["rep1"].latest
    for s1 in find(doc, "SECTION"):
        for s2 in find(s1, "SECTION"):
            rows.append([t.value(s1, "archetype_node_id"), t.value(s2, "archetype_node_id")])
    add(Case("from_contains.010", "SECTION CONTAINS SECTION: a section inside a section; a section does not contain itself",
             f"SELECT s1/archetype_node_id, s2/archetype_node_id FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS SECTION s1 CONTAINS SECTION s2",
             ["#0", "#1"], rows,
             derivation("Only rep1 (type_repetition one_reptation) in ins1920 nests sections: adhoc 'Ad hoc heading' > conformance section. "
                        "corona1 and contains have sections side by side, not nested.", t.lines)))

    # 011 one row per combination: observation contains cluster
    t = Trace()
    rows = []
    doc = d.compositions["contains"].latest
    for o in find(doc, "OBSERVATION"):
        for cl in find(o, "CLUSTER"):
            rows.append([t.value(o, "name/value"), t.value(cl, "archetype_node_id")])
    add(Case("from_contains.011", "OBSERVATION CONTAINS CLUSTER: an observation with two clusters gives two rows",
             f"SELECT o/name/value, cl/archetype_node_id FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS OBSERVATION o CONTAINS CLUSTER cl "
             f"WHERE c/archetype_details/template_id/value = 'aql-conformance-ehrbase.org.v0'",
             ["#0", "#1"], rows,
             derivation("The first conformance observation has a cluster in each of its 2 events; the blood pressure has one in its state.", t.lines)))

    # 012 CONTAINS (a AND b): combinations of two observations of one composition
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        for o1 in find(doc, "OBSERVATION", CONF_OBS):
            for o2 in find(doc, "OBSERVATION", BP2):
                rows.append([version(c.key), t.value(o2, "name/value")])
    add(Case("from_contains.012", "CONTAINS (x AND y): both under the same composition, one row per pair",
             f"SELECT c/uid/value, o2/name/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS (OBSERVATION o1[{CONF_OBS}] AND OBSERVATION o2[{BP2}])",
             ["#0", "#1"], rows,
             derivation("Only 'contains' has a blood_pressure.v2; it has 4 conformance observations, so 4 pairs.", t.lines)))

    # 013 CONTAINS (a OR b)
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        a = find(doc, "OBSERVATION", BP2)
        b = find(doc, "OBSERVATION", SAMPLE_BP)
        if a and b:
            raise AssertionError("a composition with both would make the OR case ambiguous")
        for n in a + b:
            rows.append([version(c.key)])
            t.value(n, "archetype_node_id")
    add(Case("from_contains.013", "CONTAINS (x OR y): compositions that contain either archetype",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS (OBSERVATION o1[{BP2}] OR OBSERVATION o2[{SAMPLE_BP}])",
             ["#0"], rows,
             derivation("In ins1920, 'contains' has one blood_pressure.v2 and bp_simple one sample_blood_pressure.v1; no composition has both.", t.lines)))

    # 014 NOT CONTAINS
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], archetype=CONF_COMPO):
        has = find(doc, "OBSERVATION", BP2)
        t.note(f"{doc.file}: {len(has)} blood_pressure.v2")
        if not has:
            rows.append([version(c.key)])
    add(Case("from_contains.014", "NOT CONTAINS: compositions without a given observation",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c[{CONF_COMPO}] NOT CONTAINS OBSERVATION o[{BP2}]",
             ["#0"], rows,
             derivation("Of ins1920's 6 conformance_composition_ compositions, only 'contains' has a blood_pressure.v2.", t.lines)))

    # 015 NOT CONTAINS CLUSTER (any cluster)
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1, E2]):
        n = find(doc, "CLUSTER")
        t.note(f"{c.key} ({doc.file}): {len(n)} CLUSTER")
        if not n:
            rows.append([ehr(c.ehr), version(c.key)])
    add(Case("from_contains.015", "NOT CONTAINS a bare RM type: compositions with no CLUSTER at all",
             f"SELECT e/ehr_id/value, c/uid/value FROM EHR e CONTAINS COMPOSITION c NOT CONTAINS CLUSTER cl "
             f"WHERE e/ehr_id/value = '{ehr(E1)}' OR e/ehr_id/value = '{ehr(E2)}'",
             ["#0", "#1"], rows,
             derivation("CLUSTER counts archetyped clusters and at-coded ones alike.", t.lines)))

    # 016 ELEMENT with node id in an observation
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1, E2, E3]):
        for o in find(doc, "OBSERVATION", SAMPLE_BP):
            for el in find(o, "ELEMENT", node_id="at0004"):
                rows.append([ehr(c.ehr), t.value(el, "name/value"), t.value(el, "value/magnitude")])
    add(Case("from_contains.016", "CONTAINS ELEMENT with a node predicate",
             f"SELECT e/ehr_id/value, el/name/value, el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{SAMPLE_BP}] CONTAINS ELEMENT el[at0004]",
             ["#0", "#1", "#2"], rows,
             derivation(not_in_flat(SAMPLE_BP), "Systolic of both copies of the blood pressure sample.", t.lines)))

    # 017 ELEMENT with node id and name
    t = Trace()
    rows = []
    doc = d.compositions["contains"].latest
    for o in find(doc, "OBSERVATION", BP2):
        for el in find(o, "ELEMENT", node_id="at0005", name="Diastolic"):
            rows.append([t.value(el, "value/magnitude"), t.value(el, "value/units")])
    add(Case("from_contains.017", "ELEMENT[at0005, 'Diastolic']: node id and name in one predicate",
             f"SELECT el/value/magnitude, el/value/units FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{BP2}] CONTAINS ELEMENT el[at0005, 'Diastolic']",
             ["#0", "#1"], rows,
             derivation("ins1920 has one blood_pressure.v2 (in 'contains').", t.lines)))

    # 018 every ELEMENT of an observation
    t = Trace()
    rows = []
    doc = d.compositions["bp_simple"].latest
    for o in find(doc, "OBSERVATION", SAMPLE_BP):
        for el in find(o, "ELEMENT"):
            rows.append([t.value(el, "name/value")])
    add(Case("from_contains.018", "CONTAINS ELEMENT without a predicate: every element of the observation (data and protocol)",
             f"SELECT el/name/value FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{SAMPLE_BP}] CONTAINS ELEMENT el",
             ["#0"], rows,
             derivation("ehrbase_blood_pressure_simple.de.v0.json: 4 elements in data, 3 in protocol.", t.lines)))

    # 019 EVENT_CONTEXT
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        ctx = resolve(doc.root, "context")
        t.note(f"{c.key}: context {'present' if ctx else 'absent'}")
        if ctx:
            node = Node(doc, ctx[0][1], ctx[0][0], doc.root, "context")
            rows.append([version(c.key), t.maybe(node, "setting/value")])
    add(Case("from_contains.019", "COMPOSITION CONTAINS EVENT_CONTEXT: a persistent composition without context gives no row",
             f"SELECT c/uid/value, ctx/setting/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS EVENT_CONTEXT ctx",
             ["#0", "#1"], rows,
             derivation("pm (persistent_minimal, category persistent) has no context, so it has no EVENT_CONTEXT to match.", t.lines)))

    # 020 OBSERVATION alone in FROM
    story = "openEHR-EHR-OBSERVATION.story.v1"
    t = Trace()
    t.note(not_in_flat(story))
    rows = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", story):
            rows.append([t.value(o, "name/value")])
    add(Case("from_contains.020", "An ENTRY type as the whole FROM: OBSERVATION with an archetype, across every EHR",
             f"SELECT o/name/value FROM OBSERVATION o[{story}]", ["#0"], rows,
             derivation("The three corona compositions have one story.v1 observation each.", t.lines)))

    # 021-024 the other ENTRY types in the max compositions
    for i, (rm, arch, path) in enumerate([
        ("EVALUATION", "openEHR-EHR-EVALUATION.conformance_evaluation.v0", "data[at0001]/items[at0002]/value/value"),
        ("INSTRUCTION", "openEHR-EHR-INSTRUCTION.conformance_instruction.v0", "protocol[at0003]/items[at0004]/value/value"),
        ("ACTION", "openEHR-EHR-ACTION.conformance_action_.v0", "description[at0001]/items[at0002]/value/value"),
        ("ADMIN_ENTRY", "openEHR-EHR-ADMIN_ENTRY.conformance_admin_entry.v0", "data[at0001]/items[at0002]/value/value"),
    ]):
        t = Trace()
        t.note(not_in_flat(arch))
        rows = []
        for c, doc in live():
            for n in find(doc, rm, arch):
                rows.append([ehr(c.ehr), t.value(n, path)])
        add(Case(f"from_contains.{21 + i:03d}", f"{rm} with an archetype predicate, in every EHR",
                 f"SELECT e/ehr_id/value, x/{path} FROM EHR e CONTAINS COMPOSITION c CONTAINS {rm} x[{arch}]", ["#0", "#1"], rows,
                 derivation(f"The four max compositions (max, max_v2, max_v3, max_c) have one {rm} each.", t.lines)))

    # 025 CLUSTER CONTAINS CLUSTER
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        for c1 in find(doc, "CLUSTER", "openEHR-EHR-CLUSTER.nested.v1"):
            for c2 in find(c1, "CLUSTER"):
                rows.append([t.value(c1, "name/value"), t.value(c2, "name/value"), t.value(c2, "items[at0002]/value/magnitude")])
    add(Case("from_contains.025", "CLUSTER CONTAINS CLUSTER",
             f"SELECT c1/name/value, c2/name/value, c2/items[at0002]/value/magnitude FROM {in_ehr(E1)} CONTAINS CLUSTER c1[openEHR-EHR-CLUSTER.nested.v1] CONTAINS CLUSTER c2",
             ["#0", "#1", "#2"], rows,
             derivation("nested_compo_custom_dv_text.json: cluster nested.v1 holds cluster nested2.v1.", t.lines)))

    # 026 INSTRUCTION CONTAINS CLUSTER (through an archetyped ITEM_TREE)
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        for ins in find(doc, "INSTRUCTION", "openEHR-EHR-INSTRUCTION.nested.v1"):
            for cl in find(ins, "CLUSTER"):
                rows.append([t.value(cl, "archetype_node_id")])
    add(Case("from_contains.026", "CONTAINS reaches any depth: clusters two levels below an instruction",
             f"SELECT cl/archetype_node_id FROM {in_ehr(E1)} CONTAINS INSTRUCTION i[openEHR-EHR-INSTRUCTION.nested.v1] CONTAINS CLUSTER cl",
             ["#0"], rows,
             derivation("nested.v1 sits in the activity's description ITEM_TREE; nested2.v1 inside nested.v1.", t.lines)))

    # 027 count symptom screening observations per corona composition via rows
    t = Trace()
    t.note(not_in_flat(SYMPTOM))
    rows = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", SYMPTOM):
            rows.append([template_of(doc), t.value(o, "name/value")])
    add(Case("from_contains.027", "One row per matching observation across EHRs and templates",
             f"SELECT c/archetype_details/template_id/value, o/name/value FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{SYMPTOM}]",
             ["#0", "#1"], rows,
             derivation("Each corona composition has 7 symptom_sign_screening observations.", cap(t.lines))))

    # 028 four-level chain
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1]):
        for s in find(doc, "SECTION", CONF_SECTION):
            for o in find(s, "OBSERVATION"):
                for cl in find(o, "CLUSTER", CONF_CLUSTER):
                    for el in find(cl, "ELEMENT", node_id="at0003"):
                        rows.append([version(c.key), t.value(o, "archetype_node_id"), t.value(el, "name/value")])
    add(Case("from_contains.028", "A chain of four CONTAINS down to an ELEMENT",
             f"SELECT c/uid/value, o/archetype_node_id, el/name/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS SECTION s[{CONF_SECTION}] "
             f"CONTAINS OBSERVATION o CONTAINS CLUSTER cl[{CONF_CLUSTER}] CONTAINS ELEMENT el[at0003]",
             ["#0", "#1", "#2"], rows,
             derivation("max has 3 conformance clusters (one per event); 'contains' has 2 in its first observation and 1 in the blood pressure.", t.lines)))

    # 029 deleted composition not returned
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E2], template="aql-conformance-ehrbase.org.v0"):
        rows.append([version(c.key)])
    t.note("ins1921 has two aql-conformance compositions committed: contains_b, and 'deleted', which dataset.yaml deletes after the commit")
    add(Case("from_contains.029", "A deleted composition is not returned",
             f"SELECT c/uid/value FROM {in_ehr(E2)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = 'aql-conformance-ehrbase.org.v0'",
             ["#0"], rows,
             derivation("Only contains_b remains.", t.lines)))

    # 030 CLUSTER[archetype] CONTAINS CLUSTER in the type repetition compositions of one EHR
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E2], template="type_repetition_conformance_ehrbase.org"):
        for cl in find(doc, "CLUSTER", "openEHR-EHR-CLUSTER.cluster_with_cluster.v0"):
            for inner in find(cl, "CLUSTER"):
                rows.append([t.value(inner, "archetype_node_id")])
    add(Case("from_contains.030", "CLUSTER[archetype] CONTAINS CLUSTER: at-coded clusters inside archetyped ones",
             f"SELECT inner/archetype_node_id FROM {in_ehr(E2)} CONTAINS COMPOSITION c CONTAINS CLUSTER outer[openEHR-EHR-CLUSTER.cluster_with_cluster.v0] CONTAINS CLUSTER inner "
             "WHERE c/archetype_details/template_id/value = 'type_repetition_conformance_ehrbase.org'",
             ["#0"], rows,
             derivation("In ins1921 the type_repetition compositions are 'like' and 'where1'; one row per (outer, inner) pair.", cap(t.lines))))

    # 031 archetype predicate on EHR_STATUS-independent COMPOSITION + OBSERVATION without variable on composition
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E3]):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            rows.append([t.value(o, "name/value")])
    add(Case("from_contains.031", "Class expressions without variables: COMPOSITION and the EHR need none",
             f"SELECT o/name/value FROM EHR[ehr_id/value='{ehr(E3)}'] CONTAINS COMPOSITION CONTAINS OBSERVATION o[{CONF_OBS}]",
             ["#0"], rows,
             derivation("ext_id_42: array 1, contains_c 4, max_v3 1, rep1_b 1, max_c 1 conformance observations.", t.lines)))

    # 032 empty result: archetype that no composition has
    add(Case("from_contains.032", "A well-formed query that matches nothing gives no rows",
             f"SELECT c/uid/value FROM {in_ehr(E5)} CONTAINS COMPOSITION c",
             ["#0"], [],
             derivation("EHR 'empty' has no compositions (dataset.yaml).")))

    # 033 SECTION CONTAINS ELEMENT with node id at several depths
    t = Trace()
    rows = []
    doc = d.compositions["corona1"].latest
    for s in find(doc, "SECTION", ADHOC, name="Risikogebiet"):
        for el in find(s, "ELEMENT"):
            rows.append([t.value(el, "name/value")])
    add(Case("from_contains.033", "SECTION[archetype, name] CONTAINS ELEMENT: elements at every depth below the section",
             f"SELECT el/name/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.report.v1] CONTAINS SECTION s[{ADHOC}, 'Risikogebiet'] CONTAINS ELEMENT el "
             "WHERE c/archetype_details/template_id/value = 'Corona_Anamnese'",
             ["#0"], rows,
             derivation("corona_anamnese1.json, section 'Risikogebiet': travel_history (1 element, 1 in a location cluster) and travel_event (1, 3 in clusters).", t.lines)))

    # 034 two independent variables under the EHR: AND at EHR level
    t = Trace()
    rows = []
    comps_bp = [(c, doc) for c, doc in live(ehrs=[E1], archetype="openEHR-EHR-COMPOSITION.sample_encounter.v1")]
    comps_pm = [(c, doc) for c, doc in live(ehrs=[E1], archetype=PM_COMPO)]
    for c1, d1 in comps_bp:
        for c2, d2 in comps_pm:
            rows.append([version(c1.key), version(c2.key)])
            t.value(d1.root, "archetype_node_id")
            t.value(d2.root, "archetype_node_id")
    add(Case("from_contains.034", "EHR CONTAINS (COMPOSITION a AND COMPOSITION b): two compositions of one EHR side by side",
             f"SELECT a/uid/value, b/uid/value FROM {in_ehr(E1)} CONTAINS (COMPOSITION a[openEHR-EHR-COMPOSITION.sample_encounter.v1] AND COMPOSITION b[{PM_COMPO}])",
             ["#0", "#1"], rows,
             derivation("ins1920 has one of each: bp_simple and pm (version 3).", t.lines)))

    return cases
