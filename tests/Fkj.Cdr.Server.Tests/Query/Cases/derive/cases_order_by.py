"""ORDER BY: ASC/DESC and their long forms, several keys, paths not selected, aliases, NULLs, data value types."""

from common import *

AREA = "order_by"
HEADER = """ORDER BY: ASC (the default), DESC, ASCENDING, DESCENDING; several keys; a key that is not selected; a column
alias; numbers, strings, dates, times and a whole DV_DATE_TIME (ordered as instants). NULL sorts after every
value in ascending order and before every value in descending order. Rows that tie on every key are identical
in every column, so the expected order is the only one the query allows. String keys differ at a letter of the
same case before any space or punctuation, so no collation question arises."""


def _mk(cid, title, aql, columns, items, key, desc=False, note=None, trace=None):
    """items: list of (row, sortvalue); rows sorted by sortvalue, NULL last ascending / first descending."""
    def k(item):
        v = key(item)
        return (v is None, v if v is not None else 0)
    ordered = sorted(items, key=k, reverse=False)
    if desc:
        nulls = [i for i in items if key(i) is None]
        vals = sorted([i for i in items if key(i) is not None], key=key, reverse=True)
        ordered = nulls + vals
    rows = [r for r, _ in ordered]
    sort_keys = [(key((r, s)),) for r, s in ordered]
    return Case(cid, title, aql, columns, rows, derivation(note, trace.lines if trace else None), ordered=True, sort_keys=sort_keys)


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"order_by.{next(n):03d}"
    CONF = f"FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'"

    # composer names: ASC default, ASC, ASCENDING, DESC, DESCENDING
    t = Trace()
    items = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        items.append(([v], v))
    for suffix, desc in [("", False), (" ASC", False), (" ASCENDING", False), (" DESC", True), (" DESCENDING", True)]:
        add(_mk(nid(), f"ORDER BY a string{suffix or ' (ASC by default)'}",
                f"SELECT c/composer/name {CONF} ORDER BY c/composer/name{suffix}", ["#0"], items, lambda i: i[1], desc,
                "The 10 conformance-ehrbase.de.v0 compositions' composers; equal names give identical rows.", t))

    # magnitudes with NULLs
    t = Trace()
    items = []
    for c, doc in live(ehrs=[E1, E2]):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0008"):
                v = t.maybe(el, "value/magnitude")
                items.append(([v], v))
    q = f"SELECT el/value/magnitude FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0008] WHERE e/ehr_id/value matches {{'{ehr(E1)}', '{ehr(E2)}'}}"
    add(_mk(nid(), "ORDER BY a number ascending: NULL last", q + " ORDER BY el/value/magnitude", ["#0"], items, lambda i: i[1], False,
            "DV_QUANTITY elements of ins1920 and ins1921; the null_flavour ones have no magnitude.", t))
    add(_mk(nid(), "ORDER BY a number descending: NULL first", q + " ORDER BY el/value/magnitude DESC", ["#0"], items, lambda i: i[1], True,
            "As order_by.006, reversed; NULL comes first.", t))

    # integer DV_COUNT desc, ehr E3
    t = Trace()
    items = []
    for c, doc in live(ehrs=[E3]):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                v = t.value(el, "value/magnitude")
                items.append(([v], v))
    add(_mk(nid(), "ORDER BY an integer descending", f"SELECT el/value/magnitude FROM {in_ehr(E3)} CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] ORDER BY el/value/magnitude DESC",
            ["#0"], items, lambda i: i[1], True, "DV_COUNT elements of ext_id_42 (array, max_v3, max_c).", t))

    # dates and times: text order equals temporal order for these (same format, no zone)
    for at, what in [("at0013", "a DV_DATE"), ("at0012", "a DV_TIME"), ("at0011", "a DV_DATE_TIME without zone")]:
        t = Trace()
        items = []
        for c, doc in live(ehrs=[E1, E2]):
            for o in find(doc, "OBSERVATION", CONF_OBS):
                for el in find(o, "ELEMENT", node_id=at):
                    v = t.value(el, "value/value")
                    items.append(([v], v))
        add(_mk(nid(), f"ORDER BY {what} value",
                f"SELECT el/value/value FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[{at}] WHERE e/ehr_id/value != '{ehr(E3)}' ORDER BY el/value/value",
                ["#0"], items, lambda i: i[1], False,
                "All in the same extended format without zone, so the text order is the temporal order. "
                "EHR 'flat' has no conformance observation; ext_id_42 is left out by the WHERE.", t))

    # whole DV_DATE_TIME: instants
    from cases_where_operators import iso
    t = Trace()
    items = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "context/start_time/value")
        items.append(([v], iso(v)))
    add(_mk(nid(), "ORDER BY a whole DV_DATE_TIME orders instants, whatever the zone",
            f"SELECT c/context/start_time/value {CONF} ORDER BY c/context/start_time", ["#0"], items, lambda i: i[1], False,
            "DV_DATE_TIME is Ordered by its instant: kdt4's 14:19:31+03:00 (11:19:31Z) comes before the 14:19:31+01:00 starts (13:19:31Z), "
            "then kdt3's 15:19:31+01:00, then kdt2 in 2022.", t))

    # key not in SELECT, unique values
    t = Trace()
    items = []
    for c, doc in live(ehrs=[E1]):
        nm = t.value(doc.root, "name/value")
        if nm in ("Nesting", "Persistent minimal", "Encounter (training sample)", "Bericht"):
            items.append(([version(c.key)], nm))
    add(_mk(nid(), "ORDER BY a path that is not selected",
            f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/name/value matches {{'Nesting', 'Persistent minimal', 'Encounter (training sample)', 'Bericht'}} "
            "ORDER BY c/name/value DESC",
            ["#0"], items, lambda i: i[1], True, "Four compositions with distinct names, ordered by the name, which is not returned.", t))

    # alias
    t = Trace()
    items = []
    for c, doc in live(ehrs=[E1]):
        for o in find(doc, "OBSERVATION", SYMPTOM):
            v = t.value(o, "name/value")
            items.append(([v], v))
    add(_mk(nid(), "ORDER BY a column alias", f"SELECT o/name/value AS symptom FROM {in_ehr(E1)} CONTAINS OBSERVATION o[{SYMPTOM}] ORDER BY symptom",
            ["symptom"], items, lambda i: i[1], False, "corona1's seven symptom observations.", t))

    # two keys
    t = Trace()
    items = []
    for c, doc in live(template=CONF_TEMPLATE):
        a = t.value(doc.root, "composer/name")
        b = t.value(doc.root, "context/health_care_facility/name", required=False)
        items.append(([a, b], (a, b)))
    def key2(i):
        a, b = i[1]
        return (a, b)
    # composer DESC, facility ASC with NULL last
    def sort2(items):
        return sorted(items, key=lambda i: (tuple(-ord(ch) for ch in i[1][0]), i[1][1] is None, i[1][1] or ""))
    ordered = sort2(items)
    add(Case(nid(), "Two keys: the second orders rows the first leaves tied (and NULL last in ASC)",
             f"SELECT c/composer/name, c/context/health_care_facility/name {CONF} ORDER BY c/composer/name DESC, c/context/health_care_facility/name ASC",
             ["#0", "#1"], [r for r, _ in ordered], derivation("Composers descending; within one composer the facility ascending; 'where' has no facility.", t.lines),
             ordered=True, sort_keys=[s for _, s in ordered]))

    # order with DISTINCT
    t = Trace()
    vals = set()
    for c, doc in live(ehrs=NON_FLAT):
        if resolve(doc.root, "context"):
            vals.add(t.value(doc.root, "context/setting/value"))
    items = [([v], v) for v in vals]
    add(_mk(nid(), "ORDER BY with DISTINCT",
            f"SELECT DISTINCT c/context/setting/value FROM EHR e CONTAINS COMPOSITION c CONTAINS EVENT_CONTEXT ctx WHERE e/ehr_id/value != '{ehr(E4)}' ORDER BY c/context/setting/value DESC",
            ["#0"], items, lambda i: i[1], True, "The settings of every composition with a context, outside EHR 'flat'.", t))

    # order by a DV_ORDINAL value then its symbol (non-selected second key)
    t = Trace()
    items = []
    for c, doc in live(ehrs=[E2, E3]):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0014"):
                v = t.value(el, "value/value")
                s = t.value(el, "value/symbol/value")
                items.append(([s], v))
    add(_mk(nid(), "ORDER BY an integer that is not selected (DV_ORDINAL value), selecting its symbol",
            f"SELECT el/value/symbol/value FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0014] "
            f"WHERE e/ehr_id/value = '{ehr(E2)}' OR e/ehr_id/value = '{ehr(E3)}' ORDER BY el/value/value DESC",
            ["#0"], items, lambda i: i[1], True, "Ordinals of max_v2, max_v3 and max_c: value 2 has symbol value2, value 1 value1.", t))

    # order by magnitude with WHERE filter and ehr column
    t = Trace()
    items = []
    for c, doc in live(ehrs=NON_FLAT):
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                v = t.value(el, "value/magnitude")
                if v > 42:
                    items.append(([t.value(doc.root, "composer/name"), v], v))
    add(_mk(nid(), "ORDER BY after WHERE, with a second column from the composition",
            f"SELECT c/composer/name, el/value/magnitude FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] WHERE el/value/magnitude > 42 ORDER BY el/value/magnitude",
            ["#0", "#1"], items, lambda i: i[1], False, not_in_flat(CONF_OBS) + " Equal counts come with the same composer, so tied rows are identical.", t))

    # real magnitudes in choice
    t = Trace()
    items = []
    doc = ds().compositions["choice"].latest
    for el in find(doc, "ELEMENT", node_id="at0004"):
        m = t.maybe(el, "value/magnitude")
        if m is not None:
            items.append(([m], m))
    add(_mk(nid(), "ORDER BY reals and integers together (DV_QUANTITY and DV_COUNT magnitudes)",
            f"SELECT el/value/magnitude FROM {in_ehr(E1)} CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.choice.v0] CONTAINS ELEMENT el[at0004] "
            "WHERE EXISTS el/value/magnitude ORDER BY el/value/magnitude DESC",
            ["#0"], items, lambda i: i[1], True, "choice_ehrbase.de.v0.json: the at0004 element is a DV_QUANTITY in two observations and a DV_COUNT in three.", t))

    return cases
