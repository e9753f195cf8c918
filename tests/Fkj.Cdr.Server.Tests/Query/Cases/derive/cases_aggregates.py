"""Aggregates: COUNT(*), COUNT(path), COUNT(DISTINCT path), MIN, MAX, SUM, AVG; over no rows; with WHERE."""

from common import *

AREA = "aggregates"
HEADER = """Aggregates over the rows FROM and WHERE leave: COUNT(*) counts rows (NULLs and duplicates too), COUNT(path)
the non-null values, COUNT(DISTINCT path) the distinct ones; MIN, MAX, SUM and AVG ignore NULLs. A query whose
columns are all aggregates gives one row; over no rows COUNT is 0 and the others NULL. Reals compare with a
relative tolerance of 1e-9."""


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"aggregates.{next(n):03d}"
    d = ds()

    # COUNT(*) of compositions
    total = len(d.live())
    add(Case(nid(), "COUNT(*) of every composition in the tenant", "SELECT COUNT(*) FROM EHR e CONTAINS COMPOSITION c", ["#0"], [[total]],
             derivation("dataset.yaml: " + ", ".join(f"{k} {len(d.live(k))}" for k in d.ehrs) + f" live compositions = {total} "
                        "(the deleted one and the 6 refused items do not count; pm counts once).")))

    add(Case(nid(), "COUNT(*) of EHRs", "SELECT COUNT(*) AS ehrs FROM EHR e", ["ehrs"], [[len(d.ehrs)]],
             derivation(f"dataset.yaml creates {len(d.ehrs)} EHRs.")))

    # COUNT(*) counts combination rows
    t = Trace()
    cnt = 0
    for c, doc in live(ehrs=[E1]):
        for o in find(doc, "OBSERVATION"):
            cnt += len(find(o, "CLUSTER"))
            t.note(f"{c.key} {o.pointer}: {len(find(o, 'CLUSTER'))} CLUSTER")
    add(Case(nid(), "COUNT(*) counts rows, one per (observation, cluster) combination",
             f"SELECT COUNT(*) FROM {in_ehr(E1)} CONTAINS COMPOSITION c CONTAINS OBSERVATION o CONTAINS CLUSTER cl", ["#0"], [[cnt]],
             derivation("Sum over ins1920's observations of the clusters each contains (any depth).", cap([l for l in t.lines if not l.endswith(': 0 CLUSTER')]))))

    # at0008 magnitudes over every EHR
    t = Trace()
    mags = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0008"):
                mags.append(t.maybe(el, "value/magnitude"))
    present = [m for m in mags if m is not None]
    q = f"FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0008]"
    base = derivation(not_in_flat(CONF_OBS), f"The at0008 magnitudes: {mags}.", t.lines)
    add(Case(nid(), "COUNT(*) counts rows with NULL; COUNT(path) only values",
             f"SELECT COUNT(*) AS all_rows, COUNT(el/value/magnitude) AS with_value {q}", ["all_rows", "with_value"], [[len(mags), len(present)]], base))
    add(Case(nid(), "COUNT(DISTINCT path)", f"SELECT COUNT(DISTINCT el/value/magnitude) {q}", ["#0"], [[len(set(present))]], base))
    add(Case(nid(), "MIN and MAX of reals ignore NULL", f"SELECT MIN(el/value/magnitude) AS lo, MAX(el/value/magnitude) AS hi {q}", ["lo", "hi"],
             [[min(present), max(present)]], base))
    add(Case(nid(), "SUM of reals ignores NULL", f"SELECT SUM(el/value/magnitude) {q}", ["#0"], [[float(sum(present))]], base))
    add(Case(nid(), "AVG ignores NULL (sum over the count of values, not of rows)", f"SELECT AVG(el/value/magnitude) {q}", ["#0"],
             [[sum(present) / len(present)]], base))

    # integers
    t = Trace()
    counts = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                counts.append(t.value(el, "value/magnitude"))
    qi = f"FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010]"
    basei = derivation(not_in_flat(CONF_OBS), f"The DV_COUNT magnitudes: {counts}.", t.lines)
    add(Case(nid(), "SUM of integers is an integer", f"SELECT SUM(el/value/magnitude) {qi}", ["#0"], [[sum(counts)]], basei))
    add(Case(nid(), "MIN, MAX and COUNT of integers", f"SELECT MIN(el/value/magnitude), MAX(el/value/magnitude), COUNT(el/value/magnitude) {qi}",
             ["#0", "#1", "#2"], [[min(counts), max(counts), len(counts)]], basei))
    add(Case(nid(), "AVG of integers", f"SELECT AVG(el/value/magnitude) {qi}", ["#0"], [[sum(counts) / len(counts)]], basei))

    # strings and dates
    t = Trace()
    names = [t.value(doc.root, "composer/name") for c, doc in live(template=CONF_TEMPLATE)]
    add(Case(nid(), "MIN and MAX of strings", f"SELECT MIN(c/composer/name), MAX(c/composer/name) FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["#0", "#1"], [[min(names), max(names)]], derivation("Composers of the conformance-ehrbase.de.v0 compositions.", t.lines)))
    t = Trace()
    dates = []
    for c, doc in live(ehrs=NON_FLAT):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0013"):
                dates.append(t.value(el, "value/value"))
    add(Case(nid(), "MIN and MAX of DV_DATE values", f"SELECT MIN(el/value/value), MAX(el/value/value) FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0013]",
             ["#0", "#1"], [[min(dates), max(dates)]], derivation(not_in_flat(CONF_OBS), "Same format, no zone: text order is date order.", t.lines)))

    # COUNT(DISTINCT e/ehr_id/value)
    t = Trace()
    ehrs_with = sorted({c.ehr for c in d.live()})
    add(Case(nid(), "COUNT(DISTINCT) of EHRs that have compositions", "SELECT COUNT(DISTINCT e/ehr_id/value) FROM EHR e CONTAINS COMPOSITION c", ["#0"],
             [[len(ehrs_with)]], derivation(f"EHRs with at least one live composition: {ehrs_with} ('empty' has none).")))

    # over no rows
    add(Case(nid(), "Aggregates over no rows: COUNT 0, the others NULL",
             f"SELECT COUNT(*), COUNT(c/uid/value), MIN(c/name/value), MAX(c/name/value) FROM {in_ehr(E5)} CONTAINS COMPOSITION c",
             ["#0", "#1", "#2", "#3"], [[0, 0, None, None]], derivation("EHR 'empty' has no composition.")))

    # with WHERE
    t = Trace()
    vals = []
    for c, doc in live(ehrs=NON_FLAT):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                v = t.value(el, "value/magnitude")
                if v >= 50:
                    vals.append(v)
    add(Case(nid(), "Aggregates after WHERE", f"SELECT COUNT(*) AS n, SUM(el/value/magnitude) AS total FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] WHERE el/value/magnitude >= 50",
             ["n", "total"], [[len(vals), sum(vals)]], derivation(not_in_flat(CONF_OBS), f"Counts >= 50: {vals}.", t.lines)))

    # count of compositions of one EHR per template filter
    t = Trace()
    k = [c for c, doc in live(ehrs=[E2]) if t.value(doc.root, "archetype_details/template_id/value") != "Corona_Anamnese"]
    add(Case(nid(), "COUNT(c/uid/value) in one EHR with a WHERE",
             f"SELECT COUNT(c/uid/value) FROM {in_ehr(E2)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value != 'Corona_Anamnese'",
             ["#0"], [[len(k)]], derivation("ins1921's live compositions and their templates (the deleted one does not count).", t.lines)))

    # count per archetype: corona symptoms
    t = Trace()
    pres = 0
    total_s = 0
    for c, doc in live():
        for o in find(doc, "OBSERVATION", SYMPTOM):
            total_s += 1
            for el in find(o, "ELEMENT", node_id="at0005"):
                if t.value(el, "value/value") == "Vorhanden":
                    pres += 1
    add(Case(nid(), "COUNT(*) with a WHERE on a coded text",
             f"SELECT COUNT(*) FROM EHR e CONTAINS OBSERVATION o[{SYMPTOM}] CONTAINS ELEMENT el[at0005] WHERE el/value/value = 'Vorhanden'",
             ["#0"], [[pres]], derivation(not_in_flat(SYMPTOM), f"{total_s} symptom observations in the three corona compositions; 'Vorhanden' answers:", cap(t.lines))))

    # AVG of quantity over choice reals
    t = Trace()
    doc = d.compositions["choice"].latest
    q_ = [t.value(el, "value/magnitude") for el in find(doc, "ELEMENT", node_id="at0004") if (el.obj.get("value") or {}).get("_type") == "DV_QUANTITY"]
    add(Case(nid(), "AVG and SUM of non-integer reals",
             f"SELECT AVG(el/value/magnitude), SUM(el/value/magnitude) FROM {in_ehr(E1)} CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.choice.v0] CONTAINS ELEMENT el[at0004] WHERE el/value/units = 'cm'",
             ["#0", "#1"], [[sum(q_) / len(q_), sum(q_)]], derivation("The two DV_QUANTITY values (cm) of choice_ehrbase.de.v0.json.", t.lines)))

    return cases
