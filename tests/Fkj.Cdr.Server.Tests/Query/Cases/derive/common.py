"""Shorthands shared by the cases_*.py modules."""

from casekit import Case, comp, derivation, ehr, fixture_ref, typed, version
from rmdata import Dataset, Node, Trace, find, resolve

E1, E2, E3, E4, E5 = "ins1920", "ins1921", "ext_id_42", "flat", "empty"
NON_FLAT = (E1, E2, E3)

CONF_COMPO = "openEHR-EHR-COMPOSITION.conformance_composition_.v0"
CONF_OBS = "openEHR-EHR-OBSERVATION.conformance_observation.v0"
CONF_SECTION = "openEHR-EHR-SECTION.conformance_section.v0"
CONF_CLUSTER = "openEHR-EHR-CLUSTER.conformance_cluster.v0"
ADHOC = "openEHR-EHR-SECTION.adhoc.v1"
BP2 = "openEHR-EHR-OBSERVATION.blood_pressure.v2"
SAMPLE_BP = "openEHR-EHR-OBSERVATION.sample_blood_pressure.v1"
SYMPTOM = "openEHR-EHR-OBSERVATION.symptom_sign_screening.v0"
PM_COMPO = "openEHR-EHR-COMPOSITION.persistent_minimal.v1"
PM_OBS = "openEHR-EHR-OBSERVATION.minimal.v1"

CONF_TEMPLATE = "conformance-ehrbase.de.v0"

_ds = None


def ds():
    global _ds
    if _ds is None:
        _ds = Dataset()
    return _ds


def in_ehr(key, var="e"):
    """FROM clause head for one EHR, by the ${ehr:...} binding."""
    return f"EHR {var}[ehr_id/value='{ehr(key)}']"


def live(ehrs=None, template=None, archetype=None):
    """Latest versions (Doc) of live canonical compositions, optionally of some EHRs / a template / an archetype."""
    out = []
    for c in ds().live_canonical():
        if ehrs is not None and c.ehr not in ehrs:
            continue
        d = c.latest
        if template is not None and d.obj["archetype_details"]["template_id"]["value"] != template:
            continue
        if archetype is not None and d.obj["archetype_node_id"] != archetype:
            continue
        out.append((c, d))
    return out


def template_of(d):
    return d.obj["archetype_details"]["template_id"]["value"]


def cap(lines, n=80):
    """Keeps a long trace readable: the first n lines and a count of the rest."""
    if len(lines) <= n:
        return lines
    return lines[:n] + [f"... and {len(lines) - n} more lines of the same kind"]


def flat_note():
    return ("EHR 'flat' holds FLAT compositions whose canonical form is not read here; this query cannot reach "
            "them (their templates use none of the archetypes named), or it is restricted to other EHRs.")


def _flat_archetypes():
    """Archetype ids the OPTs of the FLAT compositions' templates can put in them (read from the OPT files)."""
    import re
    d = ds()
    templates = {c.template_id for c in d.compositions.values() if c.format == "flat"}
    ids = set()
    for rel in d.manifest["templates"]:
        with open(d.base + "/" + rel, encoding="utf-8") as f:
            text = f.read()
        tid = re.search(r"<template_id>\s*<value>([^<]*)</value>", text).group(1)
        if tid in templates:
            ids.update(re.findall(r"<archetype_id>\s*<value>([^<]*)</value>", text))
    return ids


FLAT_ARCHETYPES = None


def not_in_flat(*archetypes):
    """Asserts that no FLAT composition can hold these archetypes, so a query over every EHR sees only canonical data."""
    global FLAT_ARCHETYPES
    if FLAT_ARCHETYPES is None:
        FLAT_ARCHETYPES = _flat_archetypes()
    clash = [a for a in archetypes if a in FLAT_ARCHETYPES]
    if clash:
        raise AssertionError(f"FLAT templates may hold {clash}; restrict the query to other EHRs")
    return ("The FLAT compositions of EHR 'flat' are not read here: the OPTs of their templates "
            f"(ehrbase.testcase008/06/09.v0, vitagroup-medication-list.v0) use none of {', '.join(archetypes)}.")
