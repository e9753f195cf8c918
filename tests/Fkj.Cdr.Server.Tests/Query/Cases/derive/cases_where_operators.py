"""WHERE: = != > >= < <=, LIKE (* ? and escapes), MATCHES lists, EXISTS, NOT, AND, OR, parentheses, path against path."""

import re
from datetime import datetime, timezone

from common import *

AREA = "where_operators"
HEADER = """WHERE: every comparison operator on numbers, strings, booleans, dates, times and date-times; LIKE with *, ?
and escapes; MATCHES with value lists; EXISTS and NOT EXISTS; NOT, AND, OR and their binding; a path compared
with a path. A comparison with a value that is absent is not true (the row is dropped)."""

ELEM_FROM = f"FROM EHR e CONTAINS COMPOSITION c CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el"


def elements(node_id):
    """(composition, element node) for every ELEMENT[node_id] in a conformance observation, every EHR."""
    out = []
    for c, doc in live():
        for o in find(doc, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id=node_id):
                out.append((c, el))
    return out


def elem_case(cid, title, node_id, path, where, pred, note, select_path=None):
    """
    Rows [c/uid/value, el/<select_path>] of the conformance observations' ELEMENT[node_id] for which
    pred(value of el/<path>) is True (None: absent, so not true).
    """
    select_path = select_path or path
    t = Trace()
    t.note(not_in_flat(CONF_OBS))
    rows = []
    for c, el in elements(node_id):
        v = t.maybe(el, path)
        keep = pred(v) if v is not None else None
        if keep:
            rows.append([version(c.key), v if select_path == path else t.maybe(el, select_path)])
    return Case(cid, title, f"SELECT c/uid/value, el/{select_path} {ELEM_FROM}[{node_id}] WHERE {where}",
                ["#0", "#1"], rows, derivation(note, "Candidates (all ELEMENT[" + node_id + "] of conformance observations) and their values:", cap(t.lines, 60)))


def iso(s):
    """An ISO 8601 date-time as an aware datetime (naive values taken as UTC for these fixtures)."""
    s = s.replace(",", ".")
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    dt = datetime.fromisoformat(s)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def like(value, pattern):
    """AQL LIKE: * any run, ? one character, backslash escapes the next; the whole string must match."""
    rx = ""
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            rx += re.escape(pattern[i + 1])
            i += 2
            continue
        rx += ".*" if ch == "*" else "." if ch == "?" else re.escape(ch)
        i += 1
    return re.fullmatch(rx, value, re.S) is not None


def comp_case(cid, title, where, pred, paths, note, template=CONF_TEMPLATE, ehrs=None, extra_select=None):
    """Rows [c/uid/value] (+ extra) of compositions of a template for which pred(get) is True, get(path) reading the root."""
    t = Trace()
    rows = []
    for c, doc in live(ehrs=ehrs, template=template):
        vals = {p: t.maybe(doc.root, p) for p in paths}
        if pred(vals):
            row = [version(c.key)]
            if extra_select:
                row.append(vals[extra_select])
            rows.append(row)
    sel = "c/uid/value" + (f", c/{extra_select}" if extra_select else "")
    cols = ["#0"] + (["#1"] if extra_select else [])
    head = f"FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{template}' AND ({where})" if template else f"FROM EHR e CONTAINS COMPOSITION c WHERE {where}"
    return Case(cid, title, f"SELECT {sel} {head}", cols, rows, derivation(note, cap(t.lines, 70)))


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"where_operators.{next(n):03d}"

    # numbers
    add(elem_case(nid(), "= on a real magnitude with an integer literal", "at0008", "value/magnitude",
                  "el/value/magnitude = 22", lambda v: v == 22, "22 equals 22.0: numbers compare by value."))
    add(elem_case(nid(), "!= on a magnitude; the element without a value is not returned", "at0008", "value/magnitude",
                  "el/value/magnitude != 22", lambda v: v != 22, "The null_flavour elements have no magnitude: != is not true for them."))
    add(elem_case(nid(), "> on a magnitude", "at0008", "value/magnitude", "el/value/magnitude > 22", lambda v: v > 22, "Strictly greater."))
    add(elem_case(nid(), ">= on a magnitude", "at0008", "value/magnitude", "el/value/magnitude >= 22", lambda v: v >= 22, "22 itself included."))
    add(elem_case(nid(), "< on a magnitude", "at0008", "value/magnitude", "el/value/magnitude < 22", lambda v: v < 22, "Strictly less."))
    add(elem_case(nid(), "<= on a magnitude with a real literal", "at0008", "value/magnitude", "el/value/magnitude <= 25.0", lambda v: v <= 25.0, "25.0 itself included."))
    add(elem_case(nid(), "= on an integer (DV_COUNT)", "at0010", "value/magnitude", "el/value/magnitude = 42", lambda v: v == 42, "DV_COUNT.magnitude is an Integer."))
    add(elem_case(nid(), "A range: > AND <", "at0010", "value/magnitude", "el/value/magnitude > 42 AND el/value/magnitude < 400",
                  lambda v: 42 < v < 400, "Both bounds exclusive."))
    add(elem_case(nid(), ">= on a DV_ORDINAL value", "at0014", "value/value", "el/value/value >= 2", lambda v: v >= 2, "DV_ORDINAL.value is an Integer."))
    add(elem_case(nid(), "< on a DV_PROPORTION numerator", "at0009", "value/numerator", "el/value/numerator < 41", lambda v: v < 41, "Reals."))
    # booleans
    add(elem_case(nid(), "= false on a DV_BOOLEAN", "at0017", "value/value", "el/value/value = false", lambda v: v is False, "Boolean literal."))
    # strings
    add(elem_case(nid(), "= on a string", "at0004", "value/value", "el/value/value = 'Lorem ipsum 2'", lambda v: v == "Lorem ipsum 2", "Exact, case-sensitive."))
    add(elem_case(nid(), "!= on a string", "at0004", "value/value", "el/value/value != 'Lorem ipsum'", lambda v: v != "Lorem ipsum", "Every other text."))
    add(elem_case(nid(), "> on strings compares by character codes", "at0004", "value/value", "el/value/value > 'Lorem ipsum'", lambda v: v > "Lorem ipsum",
                  "'Lorem ipsum' followed by anything is greater than 'Lorem ipsum'."))
    # dates and times (string order and temporal order agree on these values)
    add(elem_case(nid(), "> on a DV_DATE with a date literal", "at0013", "value/value", "el/value/value > '2022-06-01'",
                  lambda v: v > "2022-06-01", "Dates in the extended format; the literal is a date."))
    add(elem_case(nid(), "<= on a DV_TIME with a time literal", "at0012", "value/value", "el/value/value <= '04:06:06'",
                  lambda v: v <= "04:06:06", "Times without zone."))
    add(elem_case(nid(), "= on a DV_DATE_TIME with a date-time literal", "at0011", "value/value", "el/value/value = '2023-02-03T04:05:06'",
                  lambda v: v == "2023-02-03T04:05:06", "Same instant, same text."))
    add(elem_case(nid(), "= on a DV_DURATION", "at0018", "value/value", "el/value/value = 'PT10S'", lambda v: v == "PT10S", "ISO 8601 duration text."))

    # date-times with zones: temporal, not textual
    t = Trace()
    rows = []
    bound = iso("2021-12-21T13:00:00Z")
    for c, doc in live(template=CONF_TEMPLATE):
        st = t.value(doc.root, "context/start_time/value")
        if iso(st) > bound:
            rows.append([version(c.key), st])
    add(Case(nid(), "> on date-times with zones compares instants, not text",
             f"SELECT c/uid/value, c/context/start_time/value FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' "
             "AND c/context/start_time/value > '2021-12-21T13:00:00Z'",
             ["#0", "#1"], rows,
             derivation("The literal is a date-time, so the comparison is temporal (AQL: date/time strings are processed as date/time quantities). "
                        "kdt4 starts 2021-12-21T14:19:31.649613+03:00 = 11:19:31Z, before 13:00Z, although its text sorts after the literal; "
                        "every other start is at or after 13:19:31Z.", t.lines)))

    # LIKE
    add(comp_case(nid(), "LIKE with * at the end", "c/composer/name LIKE 'S*'", lambda v: like(v["composer/name"], "S*"),
                  ["composer/name"], "* matches any run of characters.", extra_select="composer/name"))
    add(comp_case(nid(), "LIKE with ? for one character", "c/composer/name LIKE '?nton Blak?'", lambda v: like(v["composer/name"], "?nton Blak?"),
                  ["composer/name"], "? matches exactly one character.", extra_select="composer/name"))
    add(comp_case(nid(), "LIKE with * inside", "c/context/location LIKE '*lab*'",
                  lambda v: v["context/location"] is not None and like(v["context/location"], "*lab*"),
                  ["context/location"], "Matches anywhere; a composition without location is not returned.", extra_select="context/location"))
    add(comp_case(nid(), "LIKE without wildcards is equality", "c/context/location LIKE 'Hospital'",
                  lambda v: v["context/location"] == "Hospital", ["context/location"], "No wildcard: the whole text must be equal.", extra_select="context/location"))
    add(comp_case(nid(), "LIKE is case-sensitive", "c/composer/name LIKE 'silvia*'", lambda v: like(v["composer/name"], "silvia*"),
                  ["composer/name"], "No composer starts with a lower-case s.", extra_select="composer/name"))

    like_doc = ds().compositions["like"].latest
    for pattern, what in [
        ("Name*", "both sections start with Name"),
        ("Name\\*\\?", "escaped * and ? are literal: only 'Name*?'"),
        ("Name%_", "% and _ are no wildcards in AQL: only the section named 'Name%_'"),
        ("Name??", "two characters after Name: both"),
    ]:
        t = Trace()
        rows = []
        for s in find(like_doc, "SECTION", ADHOC):
            name = t.value(s, "name/value")
            if like(name, pattern):
                rows.append([name])
        add(Case(nid(), f"LIKE '{pattern}' on section names: {what}",
                 f"SELECT s/name/value FROM {in_ehr(E2)} CONTAINS COMPOSITION c CONTAINS SECTION s[{ADHOC}] WHERE s/name/value LIKE '{pattern}'",
                 ["#0"], rows,
                 derivation(f"type_repetition_conformance_ehrbase.org_like.json (composition 'like') has adhoc sections 'Name%_' and 'Name*?'; "
                            "ins1921 has no other adhoc section. A backslash before * or ? in the pattern makes it literal.", t.lines)))

    # MATCHES
    add(comp_case(nid(), "MATCHES a list of strings", "c/composer/name matches {'Anton Blake', 'Max Mustermann'}",
                  lambda v: v["composer/name"] in ("Anton Blake", "Max Mustermann"), ["composer/name"], "Any item of the list.", extra_select="composer/name"))
    add(elem_case(nid(), "MATCHES a list of integers", "at0010", "value/magnitude", "el/value/magnitude matches {42, 400}",
                  lambda v: v in (42, 400), "Either value."))
    add(elem_case(nid(), "MATCHES a list of codes", "at0005", "value/defining_code/code_string", "el/value/defining_code/code_string matches {'at0007'}",
                  lambda v: v in ("at0007",), "A one-item list.", select_path="value/value"))
    add(elem_case(nid(), "MATCHES a list of reals", "at0008", "value/magnitude", "el/value/magnitude matches {20.0, 82.0}",
                  lambda v: v in (20.0, 82.0), "Reals."))

    # EXISTS
    add(elem_case(nid(), "EXISTS: elements that have a value", "at0008", "value/magnitude", "EXISTS el/value",
                  lambda v: True, "The null_flavour elements (no value) are dropped."))
    t = Trace()
    t.note(not_in_flat(CONF_OBS))
    rows = []
    for c, el in elements("at0008"):
        v = t.maybe(el, "value")
        if v is None:
            rows.append([version(c.key), t.value(el, "null_flavour/value")])
    add(Case(nid(), "NOT EXISTS: elements without a value", f"SELECT c/uid/value, el/null_flavour/value {ELEM_FROM}[at0008] WHERE NOT EXISTS el/value",
             ["#0", "#1"], rows, derivation("Only the first event of each max composition has a DV_QUANTITY element with null_flavour.", cap(t.lines))))
    add(comp_case(nid(), "EXISTS on a composition attribute", "EXISTS c/context/end_time", lambda v: v["context/end_time/value"] is not None,
                  ["context/end_time/value"], "'where' has no end_time."))

    # NOT, AND, OR
    add(comp_case(nid(), "NOT before a comparison", "NOT c/composer/name = 'Silvia Blake'", lambda v: not v["composer/name"] == "Silvia Blake",
                  ["composer/name"], "NOT negates the comparison.", extra_select="composer/name"))
    add(comp_case(nid(), "AND binds tighter than OR", "c/composer/name = 'Anton Blake' OR c/context/location = 'Hospital' AND c/context/health_care_facility/name = 'Hospital 2'",
                  lambda v: v["composer/name"] == "Anton Blake" or (v["context/location"] == "Hospital" and v["context/health_care_facility/name"] == "Hospital 2"),
                  ["composer/name", "context/location", "context/health_care_facility/name"], "a OR (b AND c)."))
    add(comp_case(nid(), "Parentheses override the binding", "(c/composer/name = 'Anton Blake' OR c/context/location = 'Hospital') AND c/context/health_care_facility/name = 'Hospital 2'",
                  lambda v: (v["composer/name"] == "Anton Blake" or v["context/location"] == "Hospital") and v["context/health_care_facility/name"] == "Hospital 2",
                  ["composer/name", "context/location", "context/health_care_facility/name"], "(a OR b) AND c."))
    add(comp_case(nid(), "NOT binds tighter than AND", "NOT c/composer/name = 'Silvia Blake' AND c/context/health_care_facility/name = 'Hospital 1'",
                  lambda v: (not v["composer/name"] == "Silvia Blake") and v["context/health_care_facility/name"] == "Hospital 1",
                  ["composer/name", "context/health_care_facility/name"], "(NOT a) AND b."))
    add(comp_case(nid(), "NOT over a parenthesised OR", "EXISTS c/context/location AND NOT (c/context/location = 'Hospital' OR c/composer/name = 'Anton Blake')",
                  lambda v: v["context/location"] is not None and not (v["context/location"] == "Hospital" or v["composer/name"] == "Anton Blake"),
                  ["context/location", "composer/name"], "EXISTS keeps the compositions that have a location (so NOT only ever sees present values); then neither 'Hospital' nor Anton Blake."))

    # path against path
    add(comp_case(nid(), "A path compared with a path of the same object", "c/context/start_time/value = c/context/end_time/value",
                  lambda v: v["context/end_time/value"] is not None and iso(v["context/start_time/value"]) == iso(v["context/end_time/value"]),
                  ["context/start_time/value", "context/end_time/value"], "Only kdt4 starts and ends at the same instant."))

    # ehr id and archetype node id
    add(comp_case(nid(), "WHERE on e/ehr_id/value and on archetype_node_id",
                  f"e/ehr_id/value = '{ehr(E3)}' AND c/archetype_node_id = '{CONF_COMPO}'",
                  lambda v: True, ["archetype_node_id"], "Every composition of ext_id_42 of any template with that composition archetype.",
                  template=None, ehrs=[E3]))
    last = cases[-1]
    # comp_case without template restricts by ehrs only in the derivation: filter the archetype here too
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E3]):
        if t.value(doc.root, "archetype_node_id") == CONF_COMPO:
            rows.append([version(c.key)])
    last.rows = rows
    last.derivation = derivation("ext_id_42's compositions and their archetype_node_id.", t.lines)

    return cases
