"""Functions: LENGTH, CONTAINS, POSITION, SUBSTRING, CONCAT, CONCAT_WS, ABS, MOD, CEIL, FLOOR, ROUND, and the
current date/time functions (checked through comparisons that are true, or false, whenever the tests run)."""

import math

from common import *

AREA = "functions"
HEADER = """Functions in SELECT and WHERE: the string functions (positions count from 1), the numeric functions, and
CURRENT_DATE, CURRENT_TIME, CURRENT_DATE_TIME, NOW and CURRENT_TIMEZONE, whose value is never written down:
those cases compare it with a literal or a path so that the answer is the same on any day after 2024 (the
latest date in the data), or check its shape with LENGTH and SUBSTRING."""


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"functions.{next(n):03d}"
    d = ds()
    CONF = f"FROM EHR e CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'"

    # LENGTH
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v, len(v)])
    add(Case(nid(), "LENGTH of a string in SELECT", f"SELECT c/composer/name, LENGTH(c/composer/name) {CONF}", ["#0", "#1"], rows,
             derivation("Characters counted: 'Silvia Blake' 12, 'Anton Blake' 11.", t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        loc = t.maybe(doc.root, "context/location")
        if loc is not None and len(loc) > 10:
            rows.append([version(c.key), loc])
    add(Case(nid(), "LENGTH in WHERE (a missing value gives no row)", f"SELECT c/uid/value, c/context/location {CONF} AND LENGTH(c/context/location) > 10",
             ["#0", "#1"], rows, derivation("'microbiology lab 2' has 18 characters, 'Hospital' 8; 'where' has no location.", t.lines)))

    # CONTAINS
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        hcf = t.maybe(doc.root, "context/health_care_facility/name")
        if hcf is not None and " " in hcf:
            rows.append([version(c.key), hcf])
    add(Case(nid(), "CONTAINS(string, substring) = true in WHERE", f"SELECT c/uid/value, c/context/health_care_facility/name {CONF} AND CONTAINS(c/context/health_care_facility/name, ' ') = true",
             ["#0", "#1"], rows, derivation("Facilities with a space: 'Hospital 1', 'Hospital 2'; not 'Hospital'.", t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v, "Silvia" in v])
    add(Case(nid(), "CONTAINS as a boolean column", f"SELECT c/composer/name, CONTAINS(c/composer/name, 'Silvia') FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["#0", "#1"], rows, derivation(t.lines)))

    # POSITION
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v, v.find("Blake") + 1])
    add(Case(nid(), "POSITION(substring, string) counts from 1", f"SELECT c/composer/name, POSITION('Blake', c/composer/name) {CONF}",
             ["#0", "#1"], rows, derivation("'Silvia Blake': B is the 8th character; 'Anton Blake': the 7th.", t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1], template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v, v.find("Smith") + 1])
    add(Case(nid(), "POSITION of a substring that is not there is 0", f"SELECT c/composer/name, POSITION('Smith', c/composer/name) FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["#0", "#1"], rows, derivation(t.lines)))

    # SUBSTRING
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v[0:5]])
    add(Case(nid(), "SUBSTRING(string, position, length)", f"SELECT SUBSTRING(c/composer/name, 1, 5) {CONF}", ["#0"], rows,
             derivation("The first five characters.", t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v[v.find(" ") + 1:]])
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        rows.append([v[7:]])
    add(Case(nid(), "SUBSTRING(string, position) runs to the end", f"SELECT SUBSTRING(c/composer/name, 8) {CONF}", ["#0"], rows,
             derivation("From the 8th character: 'Silvia Blake' gives 'Blake', 'Anton Blake' gives 'lake'.", t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        v = t.value(doc.root, "composer/name")
        if v[0:6] == "Silvia":
            rows.append([version(c.key)])
    add(Case(nid(), "SUBSTRING in WHERE", f"SELECT c/uid/value {CONF} AND SUBSTRING(c/composer/name, 1, 6) = 'Silvia'", ["#0"], rows, derivation(t.lines)))

    # CONCAT / CONCAT_WS
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        a = t.value(doc.root, "composer/name")
        b = t.value(doc.root, "context/setting/value")
        rows.append([a + " (" + b + ")"])
    add(Case(nid(), "CONCAT of paths and literals", f"SELECT CONCAT(c/composer/name, ' (', c/context/setting/value, ')') {CONF}", ["#0"], rows, derivation(t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(ehrs=[E1, E2], template=CONF_TEMPLATE):
        a = t.value(doc.root, "composer/name")
        b = t.value(doc.root, "language/code_string")
        e_ = t.value(doc.root, "territory/code_string")
        rows.append(["/".join([a, b, e_])])
    add(Case(nid(), "CONCAT_WS puts the separator between the arguments",
             f"SELECT CONCAT_WS('/', c/composer/name, c/language/code_string, c/territory/code_string) FROM EHR e CONTAINS COMPOSITION c "
             f"WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}' AND e/ehr_id/value != '{ehr(E3)}'",
             ["#0"], rows, derivation(t.lines)))
    t = Trace()
    rows = []
    for c, doc in live(template=CONF_TEMPLATE):
        a = t.value(doc.root, "composer/name")
        if a + "!" == "Anton Blake!":
            rows.append([version(c.key)])
    add(Case(nid(), "CONCAT in WHERE", f"SELECT c/uid/value {CONF} AND CONCAT(c/composer/name, '!') = 'Anton Blake!'", ["#0"], rows, derivation(t.lines)))

    # numeric functions over the choice magnitudes (DV_QUANTITY 10.5, 2.3; DV_COUNT 2, 3, 10)
    doc = d.compositions["choice"].latest
    els = [el for el in find(doc, "ELEMENT", node_id="at0004") if "magnitude" in (el.obj.get("value") or {})]
    CH = f"FROM {in_ehr(E1)} CONTAINS OBSERVATION o[openEHR-EHR-OBSERVATION.choice.v0] CONTAINS ELEMENT el[at0004] WHERE EXISTS el/value/magnitude"

    def num_case(title, expr, fn, note):
        t = Trace()
        rows = []
        for el in els:
            m = t.value(el, "value/magnitude")
            rows.append([m, fn(m)])
        add(Case(nid(), title, f"SELECT el/value/magnitude, {expr} {CH}", ["#0", "#1"], rows,
                 derivation("choice_ehrbase.de.v0.json: the at0004 values that have a magnitude (2 DV_QUANTITY, 3 DV_COUNT). " + note, t.lines)))

    num_case("CEIL of reals and integers", "CEIL(el/value/magnitude)", lambda m: math.ceil(m), "CEIL(10.5) = 11, CEIL(2.3) = 3, integers unchanged.")
    num_case("FLOOR of reals and integers", "FLOOR(el/value/magnitude)", lambda m: math.floor(m), "FLOOR(10.5) = 10, FLOOR(2.3) = 2.")
    num_case("ROUND to 0 decimals by default", "ROUND(el/value/magnitude)", lambda m: math.floor(m + 0.5), "ROUND(2.3) = 2, integers unchanged; 10.5, a tie, is left out by the WHERE.")
    cases[-1].aql += " AND el/value/magnitude != 10.5"
    cases[-1].rows = [r for r in cases[-1].rows if r[0] != 10.5]
    num_case("ROUND to 1 decimal", "ROUND(el/value/magnitude, 1)", lambda m: round(m, 1), "Already one decimal or integer: unchanged.")
    num_case("MOD of integers and reals", "MOD(el/value/magnitude, 3)", lambda m: m % 3 if isinstance(m, int) else round(math.fmod(m, 3), 10), "MOD(10.5, 3) = 1.5, MOD(2.3, 3) = 2.3, MOD(10, 3) = 1, MOD(3, 3) = 0, MOD(2, 3) = 2.")
    num_case("ABS of positive numbers is the number", "ABS(el/value/magnitude)", lambda m: abs(m), "All positive.")
    add(Case(nid(), "ABS, CEIL, FLOOR, ROUND and MOD of literals", "SELECT ABS(-3), ABS(-2.5), CEIL(-2.5), FLOOR(-2.5), ROUND(2.346, 2), MOD(17, 5) FROM EHR e WHERE e/ehr_id/value = '" + ehr(E5) + "'",
             ["#0", "#1", "#2", "#3", "#4", "#5"], [[3, 2.5, -2, -3, 2.35, 2]],
             derivation("One row (the one EHR 'empty'); the values are those of the literal arguments: |-3| = 3, |-2.5| = 2.5, ceil(-2.5) = -2, floor(-2.5) = -3, "
                        "2.346 to 2 decimals = 2.35, 17 mod 5 = 2.")))
    t = Trace()
    rows = []
    for c, dd in live(ehrs=NON_FLAT):
        for o in find(dd, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0010"):
                m = t.value(el, "value/magnitude")
                if m % 2 == 0:
                    rows.append([m])
    add(Case(nid(), "MOD in WHERE: even counts", f"SELECT el/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0010] WHERE MOD(el/value/magnitude, 2) = 0",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), t.lines)))

    # date/time functions
    t = Trace()
    rows = []
    for c, dd in live(template=CONF_TEMPLATE):
        rows.append([version(c.key)])
        t.value(dd.root, "context/start_time/value")
    add(Case(nid(), "NOW(): every start time is in the past", f"SELECT c/uid/value {CONF} AND c/context/start_time/value < NOW()", ["#0"], rows,
             derivation("Every start time is in 2021 or 2022; the tests run later.", t.lines)))
    add(Case(nid(), "CURRENT_DATE_TIME(): no start time is in the future", f"SELECT c/uid/value {CONF} AND c/context/start_time/value > CURRENT_DATE_TIME()", ["#0"], [],
             derivation("Every start time is in 2021 or 2022.", t.lines)))
    t = Trace()
    rows = []
    for c, dd in live(ehrs=NON_FLAT):
        for o in find(dd, "OBSERVATION", CONF_OBS):
            for el in find(o, "ELEMENT", node_id="at0013"):
                rows.append([t.value(el, "value/value")])
    add(Case(nid(), "CURRENT_DATE() compared with DV_DATE values", f"SELECT el/value/value FROM EHR e CONTAINS OBSERVATION o[{CONF_OBS}] CONTAINS ELEMENT el[at0013] WHERE el/value/value < CURRENT_DATE()",
             ["#0"], rows, derivation(not_in_flat(CONF_OBS), "The latest DV_DATE in the data is 2024-02-03.", t.lines)))
    one = f"FROM EHR e WHERE e/ehr_id/value = '{ehr(E5)}'"
    add(Case(nid(), "CURRENT_DATE() has the form YYYY-MM-DD", f"SELECT e/ehr_id/value {one} AND LENGTH(CURRENT_DATE()) = 10 AND SUBSTRING(CURRENT_DATE(), 5, 1) = '-' AND SUBSTRING(CURRENT_DATE(), 8, 1) = '-'",
             ["#0"], [[ehr(E5)]], derivation("AQL: CURRENT_DATE() returns the date as 'YYYY-MM-DD'. The one EHR 'empty' is the row.")))
    add(Case(nid(), "CURRENT_TIME() has the form hh:mm:ss", f"SELECT e/ehr_id/value {one} AND LENGTH(CURRENT_TIME()) = 8 AND SUBSTRING(CURRENT_TIME(), 3, 1) = ':' AND SUBSTRING(CURRENT_TIME(), 6, 1) = ':'",
             ["#0"], [[ehr(E5)]], derivation("AQL: CURRENT_TIME() returns 'hh:mm:ss'.")))
    add(Case(nid(), "CURRENT_TIMEZONE() has the form ±hh:mm", f"SELECT e/ehr_id/value {one} AND LENGTH(CURRENT_TIMEZONE()) = 6 AND SUBSTRING(CURRENT_TIMEZONE(), 4, 1) = ':'",
             ["#0"], [[ehr(E5)]], derivation("AQL: CURRENT_TIMEZONE() returns '±hh:mm'.")))
    add(Case(nid(), "NOW() and CURRENT_DATE_TIME() are after 2024 and start with the date", f"SELECT e/ehr_id/value {one} AND NOW() > '2024-12-31T00:00:00Z' AND SUBSTRING(CURRENT_DATE_TIME(), 11, 1) = 'T'",
             ["#0"], [[ehr(E5)]], derivation("AQL: CURRENT_DATE_TIME() is 'YYYY-MM-DDThh:mm:ss.sss±hh:mm', NOW() its alias; the tests run after 2024.")))
    add(Case(nid(), "A function in SELECT gives one value per row", f"SELECT LENGTH(CURRENT_DATE()) AS len FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["len"], [[10]] * len(live(ehrs=[E1], template=CONF_TEMPLATE)), derivation("ins1920 has 4 conformance-ehrbase.de.v0 compositions; each row has the length of 'YYYY-MM-DD'.")))

    # functions with aliases mixing
    t = Trace()
    rows = []
    for c, dd in live(ehrs=[E1], template=CONF_TEMPLATE):
        nm = t.value(dd.root, "composer/name")
        rows.append([nm[0:1], len(nm)])
    add(Case(nid(), "Function columns with aliases", f"SELECT SUBSTRING(c/composer/name, 1, 1) AS initial, LENGTH(c/composer/name) AS len FROM {in_ehr(E1)} CONTAINS COMPOSITION c WHERE c/archetype_details/template_id/value = '{CONF_TEMPLATE}'",
             ["initial", "len"], rows, derivation(t.lines)))

    return cases
