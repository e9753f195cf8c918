"""Parameters: $name bound from query_parameters in predicates, WHERE, LIKE and MATCHES; :name; missing ones."""

from common import *
from cases_where_operators import like

AREA = "parameters"
HEADER = """Parameters: `parameters:` in a case is the request's query_parameters (strings, numbers, booleans, a list);
${...} bindings inside them are resolved first. A parameter is a value: a string parameter compared with a
path is a string literal, a number a number. A query that uses a parameter the request does not give is a 400."""


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"parameters.{next(n):03d}"
    d = ds()

    rows = [[version(c.key)] for c in d.live(E2)]
    add(Case(nid(), "$ehr_id in the EHR predicate", "SELECT c/uid/value FROM EHR e[ehr_id/value=$ehr_id] CONTAINS COMPOSITION c", ["#0"], rows,
             derivation("ins1921's live compositions."), parameters={"ehr_id": ehr(E2)}))
    rows = [[version(c.key)] for c in d.live(E3)]
    add(Case(nid(), "$ehr_id in WHERE", "SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c WHERE e/ehr_id/value = $ehr_id", ["#0"], rows,
             derivation("ext_id_42's live compositions."), parameters={"ehr_id": ehr(E3)}))

    t = Trace()
    rows = [[version(c.key)] for c, doc in live(template=CONF_TEMPLATE) if t.value(doc.root, "composer/name") == "Anton Blake"]
    add(Case(nid(), "A string parameter compared with a path",
             "SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = $template AND c/composer/name = $composer",
             ["#0"], rows, derivation(t.lines), parameters={"template": CONF_TEMPLATE, "composer": "Anton Blake"}))

    t = Trace()
    rows = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                v = t.value(el, "value/magnitude")
                if v > 50:
                    rows.append([v])
    add(Case(nid(), "An integer parameter", f"SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] WHERE el/value/magnitude > $min",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), t.lines), parameters={"min": 50}))

    t = Trace()
    rows = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0008"):
                v = t.maybe(el, "value/magnitude")
                if v is not None and v < 21.5:
                    rows.append([v])
    add(Case(nid(), "A real parameter", f"SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0008] WHERE el/value/magnitude < $max",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), t.lines), parameters={"max": 21.5}))

    t = Trace()
    rows = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0017"):
                if t.value(el, "value/value") is False:
                    rows.append([version(c.key)])
    add(Case(nid(), "A boolean parameter", f"SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0017] WHERE el/value/value = $flag",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), t.lines), parameters={"flag": False}))

    t = Trace()
    story = "openEHR-EHR-OBSERVATION.story.v1"
    rows = [[ehr(c.ehr), t.value(o, "data[at0001]/events[at0002]/data[at0003]/items[at0004]/value/value")] for c, doc in live() for o in find(doc, "OBSERVATION", story)]
    add(Case(nid(), "An archetype id parameter in FROM: [$archetype]",
             "SELECT e/ehr_id/value, o/data[at0001]/events[at0002]/data[at0003]/items[at0004]/value/value FROM EHR e CONTAINS OBSERVATION o[$archetype]",
             ["#0", "#1"], rows, derivation(not_in_flat(story), t.lines), parameters={"archetype": story}))

    t = Trace()
    rows = []
    doc = d.compositions["contains"].latest
    for o in find(doc, "OBSERVATION", BP2):
        for el in find(o, "ELEMENT", node_id="at0004", name="Systolic"):
            rows.append([t.value(el, "value/magnitude")])
    add(Case(nid(), "A name parameter in a node predicate: [at0004, $name]",
             f"SELECT el/value/magnitude FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{BP2}] CONTAINS ELEMENT el[at0004, $name]",
             ["#0"], rows, derivation(t.lines), parameters={"name": "Systolic"}))

    t = Trace()
    rows = [[t.value(doc.root, "composer/name")] for c, doc in live(template=CONF_TEMPLATE) if like(doc.root.obj["composer"]["name"], "A*")]
    add(Case(nid(), "A LIKE pattern from a parameter",
             f"SELECT c/composer/name FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' AND c/composer/name LIKE $pattern",
             ["#0"], rows, derivation("Wildcards in the bound pattern keep their meaning.", t.lines), parameters={"pattern": "A*"}))

    t = Trace()
    rows = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                v = t.value(el, "value/magnitude")
                if v in (7, 51):
                    rows.append([v])
    add(Case(nid(), "MATCHES with a list bound to a parameter", f"SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] WHERE el/value/magnitude MATCHES $counts",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), "The list [7, 51] is the value list.", t.lines), parameters={"counts": [7, 51]}))

    rows = [[version(c.key)] for c in d.live(E1)]
    add(Case(nid(), "The same parameter used twice", "SELECT c/uid/value FROM EHR e[ehr_id/value=$id] CONTAINS COMPOSITION c WHERE e/ehr_id/value = $id",
             ["#0"], rows, derivation("ins1920's live compositions."), parameters={"id": ehr(E1)}))
    rows = [[version(c.key)] for c in d.live(E3)]
    add(Case(nid(), "A :name parameter (vendor spelling)", "SELECT c/uid/value FROM EHR e[ehr_id/value=:ehr_id] CONTAINS COMPOSITION c",
             ["#0"], rows, derivation("ext_id_42's live compositions; :ehr_id is bound from query_parameters 'ehr_id' as $ehr_id would be."), parameters={"ehr_id": ehr(E3)}))

    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0013"):
                v = t.value(el, "value/value")
                if v >= "2023-01-01":
                    rows.append([v])
    add(Case(nid(), "A date parameter", f"SELECT el/value/value FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0013] WHERE el/value/value >= $from",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), "Dates from 2023 on.", t.lines), parameters={"from": "2023-01-01"}))

    # extra parameters are ignored; missing ones are an error
    rows = [[version(c.key)] for c in d.live(E2)]
    add(Case(nid(), "A parameter the query does not use is ignored", "SELECT c/uid/value FROM EHR e[ehr_id/value=$ehr_id] CONTAINS COMPOSITION c", ["#0"], rows,
             derivation("ins1921's compositions; 'unused' plays no part."), parameters={"ehr_id": ehr(E2), "unused": "x"}))
    add(Case(nid(), "A parameter the request does not give is a 400", "SELECT c/uid/value FROM EHR e[ehr_id/value=$ehr_id] CONTAINS COMPOSITION c",
             status=400, invalid="parameter", derivation=derivation("No query_parameters: $ehr_id has no value."), parameters=None))
    add(Case(nid(), "A misspelt parameter name is a 400", "SELECT c/uid/value FROM EHR e CONTAINS COMPOSITION c WHERE e/ehr_id/value = $ehrid",
             status=400, invalid="parameter", derivation=derivation("query_parameters gives ehr_id, the query uses $ehrid."), parameters={"ehr_id": ehr(E1)}))
    return cases
