"""The EHR and its EHR_STATUS: e/ehr_id, e/ehr_status/..., EHR CONTAINS EHR_STATUS, e/system_id, e/time_created."""

from common import *
from cases_where_operators import like

AREA = "ehr"
HEADER = """EHR attributes and the EHR_STATUS: e/ehr_status/... reads the EHR's current EHR_STATUS (as the AQL specification's
examples do), EHR CONTAINS EHR_STATUS names it as a variable. ins1920, ins1921 and ext_id_42 are created with
ehrs/status1.json, status2.json and status3.json; flat and empty without a body (an anonymous subject: no
external_ref). ${system_id} is the server's system id."""


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"ehr.{next(n):03d}"
    d = ds()

    def status(key, path):
        e = d.ehrs[key]
        if not e.status:
            return None, f"{key}: created without a body, no {path}"
        found = resolve(Node(None, e.status, "", None, None), path)
        if not found:
            return None, f"ehrs/{e.status_file.split('/')[-1]}:/{path} is absent (null)"
        return found[0][1], f"{e.status_file}:{found[0][0]} = {found[0][1]!r}"

    rows, lines = [], []
    for k in d.ehrs:
        v, l = status(k, "subject/external_ref/id/value")
        rows.append([ehr(k), v])
        lines.append(l)
    add(Case(nid(), "The subject id of every EHR (null for an anonymous subject)",
             "SELECT e/ehr_id/value, e/ehr_status/subject/external_ref/id/value FROM EHR e", ["#0", "#1"], rows, derivation(lines)))

    add(Case(nid(), "Find an EHR by its subject id", "SELECT e/ehr_id/value FROM EHR e WHERE e/ehr_status/subject/external_ref/id/value = 'ins1921'",
             ["#0"], [[ehr(E2)]], derivation("ehrs/status2.json names subject ins1921.")))

    rows, lines = [], []
    for k in d.ehrs:
        v, l = status(k, "subject/external_ref/namespace")
        lines.append(l)
        if v == "examples":
            rows.append([ehr(k)])
    add(Case(nid(), "EHRs by subject namespace", "SELECT e/ehr_id/value FROM EHR e WHERE e/ehr_status/subject/external_ref/namespace = 'examples'",
             ["#0"], rows, derivation(lines)))

    rows = [[ehr(k), True, True] for k in d.ehrs]
    add(Case(nid(), "is_queryable and is_modifiable", "SELECT e/ehr_id/value, e/ehr_status/is_queryable, e/ehr_status/is_modifiable FROM EHR e",
             ["#0", "#1", "#2"], rows,
             derivation("true in the three status files; an EHR created without a body gets true for both (ITS-REST default).",
                        [status(k, "is_queryable")[1] for k in (E1, E2, E3)])))

    rows, lines = [], []
    for k in d.ehrs:
        v, l = status(k, "other_details/items[at0001]/value/id")
        rows.append([ehr(k), v])
        lines.append(l)
    add(Case(nid(), "A path into other_details (ITEM_LIST items; status3 is an ITEM_SINGLE, so null there)",
             "SELECT e/ehr_id/value, e/ehr_status/other_details/items[at0001]/value/id FROM EHR e", ["#0", "#1"], rows, derivation(lines)))
    rows, lines = [], []
    for k in d.ehrs:
        v, l = status(k, "other_details/item/value/id")
        lines.append(l)
        if v is not None:
            rows.append([ehr(k), v])
    add(Case(nid(), "The ITEM_SINGLE's item", "SELECT e/ehr_id/value, e/ehr_status/other_details/item/value/id FROM EHR e WHERE EXISTS e/ehr_status/other_details/item",
             ["#0", "#1"], rows, derivation(lines)))
    rows = []
    for k in d.ehrs:
        v, _ = status(k, "other_details/items[at0001]/value/id")
        if v == "55175056":
            rows.append([ehr(k)])
    add(Case(nid(), "WHERE on an other_details value", "SELECT e/ehr_id/value FROM EHR e WHERE e/ehr_status/other_details/items[at0001]/value/id = '55175056'",
             ["#0"], rows, derivation("status1 has 55175056 in items; status3 has the same id, but in item (ITEM_SINGLE), which this path does not reach.")))

    rows = []
    lines = []
    for k in (E1, E2, E3):
        v, l = status(k, "name/value")
        a, l2 = status(k, "archetype_node_id")
        rows.append([v, a])
        lines += [l, l2]
    add(Case(nid(), "EHR CONTAINS EHR_STATUS: the status as a variable",
             "SELECT s/name/value, s/archetype_node_id FROM EHR e CONTAINS EHR_STATUS s WHERE s/subject/external_ref/namespace = 'examples'",
             ["#0", "#1"], rows, derivation("The three EHRs with a status file (the anonymous ones' statuses are the server's own).", lines)))
    rows = []
    lines = []
    for k in (E1, E2, E3):
        e = d.ehrs[k]
        root = Node(None, e.status, "", None, None)
        for node in _elements(e.status):
            rows.append([ehr(k), node.get("name", {}).get("value"), node["value"]["id"]])
        lines.append(f"{e.status_file}: other_details holds one ELEMENT at0001 'family group id'")
    add(Case(nid(), "EHR_STATUS CONTAINS ELEMENT", "SELECT e/ehr_id/value, el/name/value, el/value/id FROM EHR e CONTAINS EHR_STATUS s CONTAINS ELEMENT el[at0001]",
             ["#0", "#1", "#2"], rows, derivation("Both ITEM_LIST items and an ITEM_SINGLE item are contained.", lines)))

    v, l = status(E1, "subject")
    add(Case(nid(), "The subject as a whole PARTY_SELF", f"SELECT e/ehr_status/subject FROM {in_ehr(E1)}", ["#0"],
             [[typed({"_type": "PARTY_SELF", **v}, "PARTY_SELF") if "_type" not in v else typed(v, "PARTY_SELF")]],
             derivation("status1.json's subject (its _type left out there; PARTY_SELF is the declared type).", l)))
    add(Case(nid(), "e/system_id/value is the server's system id", f"SELECT e/system_id/value FROM {in_ehr(E3)}", ["#0"], [["${system_id}"]],
             derivation("Every EHR is created by this server.")))
    add(Case(nid(), "e/time_created is after the data's dates", "SELECT e/ehr_id/value FROM EHR e WHERE e/time_created/value > '2024-12-31T00:00:00Z'",
             ["#0"], [[ehr(k)] for k in d.ehrs], derivation("The EHRs are created when the tests run.")))
    rows = [[ehr(k)] for k in d.ehrs if d.ehrs[k].subject_id and like(d.ehrs[k].subject_id, "ins*")]
    add(Case(nid(), "LIKE on the subject id", "SELECT e/ehr_id/value FROM EHR e WHERE e/ehr_status/subject/external_ref/id/value LIKE 'ins*'",
             ["#0"], rows, derivation("ins1920 and ins1921.")))

    rows = []
    for c, doc in live(archetype="openEHR-EHR-COMPOSITION.sample_encounter.v1"):
        rows.append([d.ehrs[c.ehr].subject_id, version(c.key)])
    add(Case(nid(), "The subject id next to each composition", "SELECT e/ehr_status/subject/external_ref/id/value, c/uid/value FROM EHR e CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.sample_encounter.v1]",
             ["#0", "#1"], rows, derivation(not_in_flat("openEHR-EHR-COMPOSITION.sample_encounter.v1"), "bp_simple in ins1920, bp_simple_b in ins1921.")))
    return cases


def _elements(status):
    od = status.get("other_details") or {}
    out = list(od.get("items") or [])
    if od.get("item"):
        out.append(od["item"])
    return [x for x in out if x.get("_type") == "ELEMENT" and x.get("archetype_node_id") == "at0001"]
