"""LIMIT and OFFSET (with ORDER BY), legacy TOP, and the REST offset/fetch of ITS-REST."""

from common import *

AREA = "limit_offset"
HEADER = """LIMIT n [OFFSET m] after ORDER BY (and after DISTINCT), TOP n, and the offset/fetch of the REST request
(`request:` in a case; the runner sends them as the query's offset and fetch). Without ORDER BY a case only
limits rows that are all identical, so which rows come back does not matter."""


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"limit_offset.{next(n):03d}"

    # the ordered list every paging case slices: the DV_COUNT magnitudes of ins1920 and ins1921, descending
    t = Trace()
    vals = []
    for c, doc in live(ehrs=[E1, E2]):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                vals.append(t.value(el, "value/magnitude"))
    full = sorted(vals, reverse=True)
    base = (f"SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] "
            f"WHERE e/ehr_id/value = '{ehr(E1)}' OR e/ehr_id/value = '{ehr(E2)}' ORDER BY el/value/magnitude DESC")
    note = f"The DV_COUNT magnitudes of ins1920 and ins1921 in descending order are {full}."

    def sliced(cid, title, suffix, lo, hi, request=None):
        rows = [[v] for v in full[lo:hi]]
        add(Case(cid, title, base + suffix, ["#0"], rows, derivation(note, f"Rows {lo} to {min(hi, len(full)) - 1} (0-based).", t.lines),
                 ordered=True, sort_keys=[(r[0],) for r in rows], request=request))

    sliced(nid(), "LIMIT n: the first n rows", " LIMIT 3", 0, 3)
    sliced(nid(), "LIMIT n OFFSET m: n rows after skipping m", " LIMIT 3 OFFSET 2", 2, 5)
    sliced(nid(), "OFFSET 0 is no offset", " LIMIT 2 OFFSET 0", 0, 2)
    sliced(nid(), "LIMIT larger than the result gives every row", " LIMIT 100", 0, 100)
    sliced(nid(), "OFFSET past the end gives no rows", " LIMIT 5 OFFSET 50", 50, 55)
    sliced(nid(), "The last page may be short", " LIMIT 3 OFFSET 6", 6, 9)
    sliced(nid(), "REST fetch without offset", "", 0, 4, request={"fetch": 4})
    sliced(nid(), "REST offset and fetch page through the result", "", 3, 5, request={"offset": 3, "fetch": 2})

    # TOP
    t2 = Trace()
    items = []
    for c, doc in live(template=CONF_TEMPLATE):
        items.append(t2.value(doc.root, "composer/name"))
    top = sorted(items)[:4]
    add(Case(nid(), "Legacy TOP n with ORDER BY",
             f"SELECT TOP 4 c/composer/name FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' ORDER BY c/composer/name",
             ["#0"], [[v] for v in top], derivation("Composers of the 10 conformance-ehrbase.de.v0 compositions, ascending: "
                                                   f"{sorted(items)}; the first 4.", t2.lines),
             ordered=True, sort_keys=[(v,) for v in top]))

    # DISTINCT then LIMIT
    t3 = Trace()
    vals3 = set()
    for c, doc in live(ehrs=NON_FLAT):
        if resolve(doc.root, "context"):
            vals3.add(t3.value(doc.root, "context/setting/value"))
    s3 = sorted(vals3)
    add(Case(nid(), "LIMIT applies after DISTINCT",
             f"SELECT DISTINCT c/context/setting/value FROM EHR e CONTAINS COMPOSITION c CONTAINS EVENT_CONTEXT ctx WHERE e/ehr_id/value != '{ehr(E4)}' "
             "ORDER BY c/context/setting/value LIMIT 2 OFFSET 1",
             ["#0"], [[v] for v in s3[1:3]], derivation(f"Distinct settings outside EHR 'flat', ascending: {s3}; skip 1, take 2.", t3.lines),
             ordered=True, sort_keys=[(v,) for v in s3[1:3]]))

    # LIMIT without ORDER BY over identical rows
    t4 = Trace()
    story = "openEHR-EHR-OBSERVATION.story.v1"
    names = [t4.value(o, "name/value") for c, doc in live() for o in find(doc, "OBSERVATION", story)]
    assert len(set(names)) == 1 and len(names) == 3
    add(Case(nid(), "LIMIT without ORDER BY, over rows that are all the same",
             f"SELECT o/name/value FROM OBSERVATION o[{story}] LIMIT 2", ["#0"], [[names[0]]] * 2,
             derivation(not_in_flat(story), "Three story observations, all named the same: any two of them give the same rows.", t4.lines)))

    # LIMIT with two-key order and offset over compositions
    t5 = Trace()
    items = []
    for c, doc in live(template=CONF_TEMPLATE):
        items.append((t5.value(doc.root, "composer/name"), t5.value(doc.root, "context/health_care_facility/name", required=False)))
    # composer ASC, facility DESC (NULL first in DESC): stable sorts from the last key to the first, so that a
    # text sorts after the longer texts it begins ("Hospital" after "Hospital 2" in DESC)
    srt = sorted(items, key=lambda i: i[1] or "", reverse=True)
    srt = sorted(srt, key=lambda i: 0 if i[1] is None else 1)
    srt = sorted(srt, key=lambda i: i[0])
    page = srt[2:6]
    add(Case(nid(), "LIMIT and OFFSET over two sort keys",
             f"SELECT c/composer/name, c/context/health_care_facility/name FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' "
             "ORDER BY c/composer/name, c/context/health_care_facility/name DESC LIMIT 4 OFFSET 2",
             ["#0", "#1"], [list(p) for p in page],
             derivation(f"Sorted by composer ascending, then facility descending with NULL first: {srt}; rows 2 to 5.", t5.lines),
             ordered=True, sort_keys=[p for p in page]))

    # LIMIT 1 picks the maximum
    t6 = Trace()
    mags = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", SAMPLE_BP):
            for el in find(o, "ELEMENT", node_id="at0005"):
                mags.append(t6.value(el, "value/magnitude"))
    add(Case(nid(), "ORDER BY DESC LIMIT 1: the largest value",
             f"SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{SAMPLE_BP}] CONTAINS ELEMENT el[at0005] ORDER BY el/value/magnitude DESC LIMIT 1",
             ["#0"], [[max(mags)]], derivation(not_in_flat(SAMPLE_BP), t6.lines), ordered=True, sort_keys=[(max(mags),)]))

    return cases
