"""SELECT forms: whole objects, data values, leaves of each type, aliases, literals, DISTINCT, missing paths."""

from common import *

AREA = "select"
HEADER = """SELECT: whole objects (a composition, an observation, an element, a data value) as canonical JSON with _type,
leaves as JSON strings, numbers and booleans, column names (the alias, else #index), literal columns,
DISTINCT, and a path that is absent in a row (null, the row stays)."""


def build():
    cases = []
    add = cases.append
    d = ds()
    pm = d.compositions["pm"]
    bp_contains = find(d.compositions["contains"].latest, "OBSERVATION", BP2)[0]

    # 001 whole composition, latest version
    v3 = pm.latest
    add(Case("select.001", "A whole COMPOSITION: the latest version's canonical JSON (uid aside)",
             f"SELECT c FROM {in_ehr(E1)} CONTAINS COMPOSITION c[{PM_COMPO}]", ["#0"],
             [[fixture_ref(v3, "", ["/uid"])]],
             derivation("pm has 3 versions; the query sees the last, committed from persistent_minimal.en.v1__updated_v3.json. "
                        "The uid is the server's (checked in select.002).",
                        f"{v3.file}: the whole document")))

    # 002 its uid
    add(Case("select.002", "c/uid/value of an updated composition is the uid of its version 3",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c[{PM_COMPO}]", ["#0"],
             [[version("pm", 3)]],
             derivation("dataset.yaml: pm is committed, then updated twice (versions 2 and 3).")))

    # 003 whole observation
    t = Trace()
    o = find(v3, "OBSERVATION", PM_OBS)[0]
    add(Case("select.003", "A whole OBSERVATION", f"SELECT o FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{PM_OBS}]", ["#0"],
             [[fixture_ref(v3, o.pointer)]],
             derivation("The one observation of pm's version 3.", f"{v3.file}:{o.pointer}")))

    # 004 whole DV_QUANTITY
    t = Trace()
    q = typed(t.value(bp_contains, "data[at0001]/events[at0006]/data[at0003]/items[at0004]/value"), "DV_QUANTITY")
    add(Case("select.004", "A whole DV_QUANTITY is an object with _type, magnitude and units",
             f"SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{BP2}]",
             ["#0"], [[q]], derivation("The systolic pressure of the blood pressure in 'contains'.", t.lines)))

    # 005 magnitude leaf
    t = Trace()
    m = t.value(bp_contains, "data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude")
    add(Case("select.005", "A DV_QUANTITY's magnitude is a number",
             f"SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{BP2}]",
             ["#0"], [[m]], derivation(t.lines)))

    # 006 DV_CODED_TEXT whole and its parts
    t = Trace()
    cat = typed(t.value(v3.root, "category"), "DV_CODED_TEXT")
    code = t.value(v3.root, "category/defining_code/code_string")
    term = t.value(v3.root, "category/defining_code/terminology_id/value")
    add(Case("select.006", "A DV_CODED_TEXT whole, and its code and terminology as strings",
             f"SELECT c/category, c/category/defining_code/code_string, c/category/defining_code/terminology_id/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0", "#1", "#2"], [[cat, code, term]], derivation(t.lines)))

    # 007 aliases and #index names
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], template=CONF_TEMPLATE):
        rows.append([t.value(doc.root, "composer/name"), version(c.key), t.value(doc.root, "context/setting/value")])
    add(Case("select.007", "Column names: the alias where there is one, #index (from 0) where there is none",
             f"SELECT c/composer/name AS composer, c/uid/value, c/context/setting/value AS setting FROM {in_ehr(E1)} CONTAINS COMPOSITION c "
             f"WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["composer", "#1", "setting"], rows, derivation("ins1920's conformance-ehrbase.de.v0 compositions: max, kdt1, kdt2, where.", t.lines)))

    # 008 literals
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], archetype="openEHR-EHR-COMPOSITION.sample_encounter.v1"):
        rows.append(["bp", 42, 3.5, True, None, t.value(doc.root, "name/value")])
    add(Case("select.008", "Literal columns: a string, an integer, a real, a boolean and NULL, once per row",
             f"SELECT 'bp' AS kind, 42 AS answer, 3.5 AS half, true AS flag, NULL AS nothing, c/name/value AS name FROM {in_ehr(E1)} "
             "CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.sample_encounter.v1]",
             ["kind", "answer", "half", "flag", "nothing", "name"], rows,
             derivation("ins1920 has one sample_encounter composition (bp_simple).", t.lines)))

    # 009 DISTINCT one column
    t = Trace()
    vals = []
    for c, doc in live(ehrs=NON_FLAT, archetype=CONF_COMPO):
        vals.append(t.value(doc.root, "archetype_details/template_id/value"))
    rows = [[v] for v in sorted(set(vals))]
    add(Case("select.009", "DISTINCT removes duplicate rows",
             f"SELECT DISTINCT c/archetype_details/template_id/value FROM EHR e CONTAINS COMPOSITION c[{CONF_COMPO}]", ["#0"], rows,
             derivation(not_in_flat(CONF_COMPO), f"{len(vals)} compositions, {len(rows)} templates.", t.lines)))

    # 010 DISTINCT two columns
    t = Trace()
    vals = []
    for c, doc in live(ehrs=NON_FLAT, template=CONF_TEMPLATE):
        vals.append((ehr(c.ehr), t.value(doc.root, "composer/name")))
    rows = [list(v) for v in sorted(set(vals))]
    add(Case("select.010", "DISTINCT over two columns keeps each distinct pair once",
             f"SELECT DISTINCT e/ehr_id/value, c/composer/name FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["#0", "#1"], rows, derivation(f"{len(vals)} conformance-ehrbase.de.v0 compositions, {len(rows)} distinct (EHR, composer) pairs.", t.lines)))

    # 011 absent path gives null
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], template=CONF_TEMPLATE):
        rows.append([version(c.key), t.maybe(doc.root, "context/location")])
    add(Case("select.011", "A path absent in a composition gives null, and the row stays",
             f"SELECT c/uid/value, c/context/location FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["#0", "#1"], rows, derivation("conformance_ehrbase.de.v0_where.json has no context/location.", t.lines)))

    # 012 element with null_flavour: value null, null_flavour present
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], template=CONF_TEMPLATE):
        for el in find(doc, "ELEMENT", node_id="at0008"):
            rows.append([t.maybe(el, "value/magnitude"), t.maybe(el, "null_flavour/value")])
    add(Case("select.012", "An ELEMENT without value: value/magnitude null, null_flavour/value set",
             f"SELECT el/value/magnitude, el/null_flavour/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0008]",
             ["#0", "#1"], rows,
             derivation("The DV_QUANTITY elements (at0008) of ins1920's conformance observations: max has 3 (the first is null_flavour unknown), where 2.", t.lines)))

    # 013 boolean leaf
    t = Trace()
    rows = []
    doc = d.compositions["where"].latest
    for el in find(doc, "ELEMENT", node_id="at0017"):
        rows.append([t.value(el, "value/value")])
    add(Case("select.013", "A DV_BOOLEAN's value is a JSON boolean",
             f"SELECT el/value/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c[{CONF_COMPO}] CONTAINS ELEMENT el[at0017] "
             f"WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' AND NOT EXISTS c/context/location",
             ["#0"], rows, derivation("Only 'where' lacks context/location among ins1920's conformance compositions; its 2 events have true and false.", t.lines)))

    # 014 whole ELEMENT
    t = Trace()
    el = find(bp_contains, "ELEMENT", node_id="at1005")[0]
    add(Case("select.014", "A whole ELEMENT (name, node id and value)",
             f"SELECT el FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{BP2}] CONTAINS ELEMENT el[at1005]", ["#0"],
             [[fixture_ref(bp_contains.doc, el.pointer)]],
             derivation("'Tilt' in the state of the blood pressure in 'contains'.", f"{bp_contains.doc.file}:{el.pointer}")))

    # 015 values of each data type via ELEMENT variables in 'where' event 0
    doc = d.compositions["where"].latest
    for i, (nid, path, what) in enumerate([
        ("at0010", "value/magnitude", "DV_COUNT magnitude, an integer"),
        ("at0009", "value/numerator", "DV_PROPORTION numerator"),
        ("at0014", "value/symbol/value", "DV_ORDINAL symbol text"),
        ("at0014", "value/value", "DV_ORDINAL value, an integer"),
        ("at0011", "value/value", "DV_DATE_TIME value, a string"),
        ("at0012", "value/value", "DV_TIME value"),
        ("at0013", "value/value", "DV_DATE value"),
        ("at0018", "value/value", "DV_DURATION value"),
        ("at0019", "value/id", "DV_IDENTIFIER id"),
        ("at0028", "value/value", "DV_URI value"),
    ]):
        t = Trace()
        rows = []
        for el in find(doc, "ELEMENT", node_id=nid):
            rows.append([t.maybe(el, path)])
        add(Case(f"select.{15 + i:03d}", f"Leaf of a data value: {what}",
                 f"SELECT el/{path} FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS ELEMENT el[{nid}] "
                 f"WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' AND NOT EXISTS c/context/location",
                 ["#0"], rows,
                 derivation("Composition 'where' (the one of ins1920's conformance compositions without context/location); "
                            "its 2 events; an element the second event lacks gives no row.", t.lines)))

    # 025 whole PARTY_IDENTIFIED
    t = Trace()
    doc = d.compositions["kdt1"].latest
    comp_ = typed(t.value(doc.root, "composer"), "PARTY_IDENTIFIED")
    anton = [c.key for c, dd in live(ehrs=[E1]) if resolve(dd.root, "composer/name") and resolve(dd.root, "composer/name")[0][1] == "Anton Blake"]
    assert anton == ["kdt1"], anton
    add(Case("select.025", "A whole PARTY_IDENTIFIED (the composer) with its PARTY_REF",
             f"SELECT c/composer FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/composer/name = 'Anton Blake'", ["#0"], [[comp_]],
             derivation("Only kdt1 has composer 'Anton Blake' in ins1920.", t.lines)))

    # 026 node predicate with name in a path
    t = Trace()
    v = t.value(bp_contains, "data[at0001]/events[at0006]/data[at0003]/items[at1007,'Pulse pressure']/value/magnitude")
    add(Case("select.026", "A node predicate with a name inside a SELECT path",
             f"SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at1007,'Pulse pressure']/value/magnitude FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{BP2}]",
             ["#0"], [[v]], derivation(t.lines)))

    # 027 archetype id predicate inside a path
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], template="Corona_Anamnese"):
        rows.append([t.value(doc.root, "content[openEHR-EHR-OBSERVATION.story.v1]/name/value")])
    add(Case("select.027", "An archetype id as a node predicate inside a path",
             f"SELECT c/content[openEHR-EHR-OBSERVATION.story.v1]/name/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.report.v1] "
             "WHERE c/archetype_details/template_id/value = 'Corona_Anamnese'",
             ["#0"], rows, derivation("corona1's content holds one story.v1 observation.", t.lines)))

    # 028 several variables in one row
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1, E2]):
        for o in find(doc, "OBSERVATION", SAMPLE_BP):
            rows.append([ehr(c.ehr), t.value(doc.root, "context/health_care_facility/name"), t.value(o, "protocol[at0011]/items[at0013]/value/value")])
    add(Case("select.028", "Paths of three variables (EHR, composition, observation) in one row",
             f"SELECT e/ehr_id/value, c/context/health_care_facility/name, o/protocol[at0011]/items[at0013]/value/value "
             f"FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{SAMPLE_BP}]",
             ["#0", "#1", "#2"], rows, derivation(not_in_flat(SAMPLE_BP), t.lines)))

    # 029 whole EVENT_CONTEXT
    doc = d.compositions["kdt2"].latest
    match = [c.key for c, dd in live(ehrs=[E1]) if (resolve(dd.root, "composer/name") or [(0, None)])[0][1] == "Silvia Blake"
             and (resolve(dd.root, "context/location") or [(0, None)])[0][1] == "Hospital"]
    assert match == ["kdt2"], match
    add(Case("select.029", "A whole EVENT_CONTEXT variable",
             f"SELECT ctx FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS EVENT_CONTEXT ctx WHERE c/composer/name = 'Silvia Blake' AND c/context/location = 'Hospital'",
             ["#0"], [[fixture_ref(doc, "/context")]],
             derivation("In ins1920 only kdt2 has composer Silvia Blake and location 'Hospital'.", f"{doc.file}:/context")))

    # 030 DV_TEXT object (name)
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], archetype="openEHR-EHR-COMPOSITION.nesting.v1"):
        rows.append([typed(t.value(doc.root, "name"), "DV_TEXT"), t.value(doc.root, "language/code_string"), t.value(doc.root, "territory/code_string")])
    add(Case("select.030", "A DV_TEXT whole (the name) and CODE_PHRASE leaves",
             f"SELECT c/name, c/language/code_string, c/territory/code_string FROM {in_ehr(E1)} CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.nesting.v1]",
             ["#0", "#1", "#2"], rows, derivation(t.lines)))

    return cases
