"""Queries that must be refused with 400: syntax errors, names the FROM clause does not declare, paths the RM or
the templates make impossible, clauses that may not be combined."""

from common import *

AREA = "errors"
HEADER = """Queries the server must refuse with 400 (never 500, never an empty 200). `invalid` says at which stage:
syntax (AqlParser.Parse throws: the grammar or the name check), semantic (it parses; the RM, the registered
templates or the specification's rules make it impossible), parameter (see parameters.yaml)."""


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"errors.{next(n):03d}"

    def bad(title, aql, invalid, why):
        add(Case(nid(), title, aql, status=400, invalid=invalid, derivation=derivation(why)))

    # syntax
    bad("FROM without a class expression", "SELECT c FROM", "syntax", "The grammar needs a class expression after FROM.")
    bad("A misspelt keyword", "SELEC c FROM COMPOSITION c", "syntax", "SELEC is no keyword; a query starts with SELECT.")
    bad("WHERE without a condition", "SELECT c/name/value FROM COMPOSITION c WHERE", "syntax", "WHERE needs an expression.")
    bad("An unclosed archetype predicate", "SELECT c FROM EHR e CONTAINS COMPOSITION c[openEHR-EHR-COMPOSITION.report.v1", "syntax", "The predicate's ] is missing.")
    bad("ORDER without BY", "SELECT c/name/value FROM COMPOSITION c ORDER c/name/value", "syntax", "ORDER BY is one clause keyword pair.")
    bad("OFFSET without LIMIT", "SELECT c/name/value FROM COMPOSITION c ORDER BY c/name/value OFFSET 5", "syntax", "The grammar allows OFFSET only after LIMIT n.")
    bad("LIMIT with a non-integer", "SELECT c/name/value FROM COMPOSITION c LIMIT ten", "syntax", "LIMIT takes an integer literal.")
    bad("A path from a variable FROM does not declare", "SELECT o/name/value FROM EHR e CONTAINS COMPOSITION c", "syntax",
        "o is not declared in FROM (the parser's name check).")
    bad("A variable declared twice", "SELECT c/name/value FROM EHR c CONTAINS COMPOSITION c", "syntax", "A variable name must be unique within a statement.")
    bad("A comparison without its right side", "SELECT c/name/value FROM COMPOSITION c WHERE c/name/value =", "syntax", "= needs a right operand.")
    bad("Unbalanced parentheses in WHERE", "SELECT c/name/value FROM COMPOSITION c WHERE (c/name/value = 'x' OR c/name/value = 'y'", "syntax", "The ) is missing.")
    bad("Text after the end of the query", "SELECT c/name/value FROM COMPOSITION c LIMIT 5 FETCH 3", "syntax", "FETCH is not AQL; nothing may follow LIMIT n.")

    # semantic: RM
    bad("An attribute EVENT_CONTEXT does not have", "SELECT c/context/weather FROM EHR e CONTAINS COMPOSITION c", "semantic",
        "EVENT_CONTEXT (RM 1.0.4) has start_time, end_time, location, setting, other_context, health_care_facility, participations; no 'weather'.")
    bad("An attribute HISTORY does not have", f"SELECT o/data/colour FROM EHR e CONTAINS OBSERVATION o[{BP2}]", "semantic",
        "OBSERVATION.data is a HISTORY, which has origin, period, duration, summary, events (and LOCATABLE's); no 'colour'.")
    bad("A path below a String", "SELECT c/name/value/characters FROM EHR e CONTAINS COMPOSITION c", "semantic",
        "DV_TEXT.value is a String, which has no attributes.")
    bad("A class the RM does not have", "SELECT p/name/value FROM EHR e CONTAINS PATIENT p", "semantic", "There is no RM class PATIENT.")
    bad("A containment the RM makes impossible", "SELECT e/ehr_id/value FROM COMPOSITION c CONTAINS EHR e", "semantic",
        "An EHR is never inside a COMPOSITION.")
    bad("A node no template defines", f"SELECT o/data[at0001]/events[at0006]/data[at0003]/items[at9999]/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{BP2}]", "semantic",
        "No registered template (dataset.yaml's OPTs) defines at9999 in openEHR-EHR-OBSERVATION.blood_pressure.v2, so the path can never match: "
        "an impossible path is reported, not answered with no rows (issue 6).")
    bad("An archetype's node under the wrong attribute", f"SELECT o/protocol[at0003]/items[at0004]/value/magnitude FROM EHR e CONTAINS OBSERVATION o[{BP2}]", "semantic",
        "In every registered template with blood_pressure.v2 (aql-conformance-ehrbase.org.v0, ehrbase.testcase06/008/09.v0) the protocol is at0011; at0003 is the ITEM_TREE under an event's data.")

    # semantic: rules of the language
    bad("TOP together with LIMIT", "SELECT TOP 3 c/name/value FROM COMPOSITION c ORDER BY c/name/value LIMIT 3", "semantic",
        "AQL 1.1: it is not allowed to use TOP while also using LIMIT in the same query.")
    bad("An unknown function", "SELECT SHOUT(c/name/value) FROM EHR e CONTAINS COMPOSITION c", "semantic", "SHOUT is not an AQL function.")
    bad("A function with too few arguments", "SELECT SUBSTRING(c/name/value) FROM EHR e CONTAINS COMPOSITION c", "semantic",
        "SUBSTRING takes the string, a position and an optional length.")
    bad("A function with too many arguments", "SELECT LENGTH(c/name/value, 2) FROM EHR e CONTAINS COMPOSITION c", "semantic", "LENGTH takes one argument.")
    bad("A string function on a number", f"SELECT LENGTH(o/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value/magnitude) FROM EHR e CONTAINS OBSERVATION o[{BP2}]", "semantic",
        "LENGTH takes a String; DV_QUANTITY.magnitude is a Real.")
    return cases
