"""VERSION: the default (latest), [LATEST_VERSION], [ALL_VERSIONS], version attributes (uid, commit_audit,
preceding_version_uid, lifecycle_state), over the persistent_minimal updates."""

from common import *

AREA = "versions"
HEADER = """VERSION v CONTAINS COMPOSITION c: without a predicate and with [LATEST_VERSION] only the latest version of each
composition; with [ALL_VERSIONS] every version. pm (ins1920) has 3 versions: v1 from persistent_minimal.en.v1__full.json,
v2 and v3 from the __updated_v2/__updated_v3 files, each a PUT (change_type modification, 251); pm_b (ins1921) has
only v1 (creation, 249). The deleted composition's versions are not used here. Times of commit are the server's:
they are only compared with a literal from before the data existed."""

PM_TEXT = "data[at0001]/events[at0002]/data[at0003]/items[at0004]/value/value"


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"versions.{next(n):03d}"
    d = ds()
    pm = d.compositions["pm"]
    pm_b = d.compositions["pm_b"]

    def text(doc):
        t = Trace()
        o = find(doc, "OBSERVATION", PM_OBS)[0]
        return t.value(o, PM_TEXT), t.lines

    v3text, l3 = text(pm.latest)
    add(Case(nid(), "VERSION without a predicate is the latest version",
             f"SELECT v/uid/value, o/{PM_TEXT} FROM {in_ehr(E1)} CONTAINS VERSION v CONTAINS COMPOSITION c[{PM_COMPO}] CONTAINS OBSERVATION o[{PM_OBS}]",
             ["#0", "#1"], [[version("pm", 3), v3text]], derivation("pm's version 3.", l3)))
    add(Case(nid(), "VERSION[LATEST_VERSION]",
             f"SELECT v/uid/value, o/{PM_TEXT} FROM {in_ehr(E1)} CONTAINS VERSION v[LATEST_VERSION] CONTAINS COMPOSITION c[{PM_COMPO}] CONTAINS OBSERVATION o[{PM_OBS}]",
             ["#0", "#1"], [[version("pm", 3), v3text]], derivation("pm's version 3.", l3)))

    rows = []
    lines = []
    for doc in pm.versions:
        tx, ll = text(doc)
        rows.append([version("pm", doc.version), tx])
        lines += ll
    add(Case(nid(), "VERSION[ALL_VERSIONS]: every version with its own data",
             f"SELECT v/uid/value, o/{PM_TEXT} FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}] CONTAINS OBSERVATION o[{PM_OBS}]",
             ["#0", "#1"], rows, derivation("Versions 1, 2 and 3 of pm, each read from the file it was committed from.", lines)))
    mods = [r for r in rows if r[0] != version("pm", 1)]
    mods_desc = sorted(mods, key=lambda r: r[1], reverse=True)
    add(Case(nid(), "ALL_VERSIONS with WHERE on the version and ORDER BY the data",
             f"SELECT o/{PM_TEXT} AS text FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}] CONTAINS OBSERVATION o[{PM_OBS}] "
             "WHERE v/commit_audit/change_type/defining_code/code_string = '251' ORDER BY text DESC",
             ["text"], [[r[1]] for r in mods_desc],
             derivation("Versions 2 and 3 are the modifications; their texts differ only in the last digit.", lines),
             ordered=True, sort_keys=[(r[1],) for r in mods_desc]))

    rows = [[ehr(E1), version("pm", i)] for i in (1, 2, 3)] + [[ehr(E2), version("pm_b", 1)]]
    add(Case(nid(), "ALL_VERSIONS across EHRs",
             f"SELECT e/ehr_id/value, v/uid/value FROM EHR e CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0", "#1"], rows, derivation(not_in_flat(PM_COMPO), "pm: 3 versions; pm_b: 1.")))
    add(Case(nid(), "COUNT(*) over ALL_VERSIONS and over the latest",
             f"SELECT COUNT(*) FROM EHR e CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0"], [[4]], derivation("pm 3 + pm_b 1.")))
    add(Case(nid(), "COUNT(*) over VERSION without predicate counts each composition once",
             f"SELECT COUNT(*) FROM EHR e CONTAINS VERSION v CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0"], [[2]], derivation("pm and pm_b, latest versions.")))

    # commit audit
    rows = [[version("pm", 1), "creation", "249"], [version("pm", 2), "modification", "251"], [version("pm", 3), "modification", "251"]]
    add(Case(nid(), "commit_audit/change_type of each version",
             f"SELECT v/uid/value, v/commit_audit/change_type/value, v/commit_audit/change_type/defining_code/code_string FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0", "#1", "#2"], rows,
             derivation("dataset.yaml: v1 is a POST (openEHR audit change type creation, 249), v2 and v3 are PUTs (modification, 251).")))
    add(Case(nid(), "WHERE on commit_audit/change_type picks the modifications",
             f"SELECT v/uid/value FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}] WHERE v/commit_audit/change_type/defining_code/code_string = '251'",
             ["#0"], [[version("pm", 2)], [version("pm", 3)]], derivation("v2 and v3 are modifications.")))
    add(Case(nid(), "preceding_version_uid links each version to the one before",
             f"SELECT v/uid/value, v/preceding_version_uid/value FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0", "#1"], [[version("pm", 1), None], [version("pm", 2), version("pm", 1)], [version("pm", 3), version("pm", 2)]],
             derivation("Version 1 has no preceding version (null); each PUT names the version it replaced (If-Match).")))
    add(Case(nid(), "time_committed of every version is after the data's own dates",
             f"SELECT v/uid/value FROM EHR e CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}] WHERE v/commit_audit/time_committed/value > '2024-12-31T00:00:00Z'",
             ["#0"], [[version("pm", 1)], [version("pm", 2)], [version("pm", 3)], [version("pm_b", 1)]],
             derivation("The data is committed when the tests run, after 2024.")))
    add(Case(nid(), "lifecycle_state of a committed version is complete",
             f"SELECT v/lifecycle_state/value, v/lifecycle_state/defining_code/code_string FROM {in_ehr(E2)} CONTAINS VERSION v CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0", "#1"], [["complete", "532"]],
             derivation("pm_b is committed without an openEHR-VERSION header, so its version has the default lifecycle state complete (openEHR 532).")))
    add(Case(nid(), "WHERE on v/uid/value selects one version of ALL_VERSIONS",
             f"SELECT o/{PM_TEXT} FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}] CONTAINS OBSERVATION o[{PM_OBS}] WHERE v/uid/value = '{version('pm', 2)}'",
             ["#0"], [[text(pm.versions[1])[0]]], derivation("Version 2's text.", text(pm.versions[1])[1])))
    add(Case(nid(), "c/uid/value under ALL_VERSIONS is the uid of that version",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS VERSION v[ALL_VERSIONS] CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0"], [[version("pm", i)] for i in (1, 2, 3)], derivation("Each version's composition carries that version's uid.")))

    # latest version across all compositions of an EHR, with the version uid equal to c/uid
    rows = [[version(c.key)] for c in d.live(E3)]
    add(Case(nid(), "VERSION over every composition of an EHR: one latest version each",
             f"SELECT v/uid/value FROM {in_ehr(E3)} CONTAINS VERSION v CONTAINS COMPOSITION c", ["#0"], rows,
             derivation("ext_id_42's six compositions, each committed once.")))
    add(Case(nid(), "A standard predicate on VERSION chooses among all versions",
             f"SELECT v/uid/value FROM {in_ehr(E1)} CONTAINS VERSION v[commit_audit/change_type/defining_code/code_string = '251'] CONTAINS COMPOSITION c[{PM_COMPO}]",
             ["#0"], [[version("pm", 2)], [version("pm", 3)]],
             derivation("The predicate is a condition on each version, as [ALL_VERSIONS] with a WHERE: v2 and v3 are the modifications (PUTs, 251).")))
    return cases
