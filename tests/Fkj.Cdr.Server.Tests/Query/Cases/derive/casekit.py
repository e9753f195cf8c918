"""
The case record, the checks every case passes before it is written, and the YAML writer.

A case is built by a function in cases_*.py that reads the data (rmdata) and computes its rows in Python;
`Case` only holds the result. Checks: ids unique; every row as wide as the columns; an ordered case's
rows strictly follow its sort keys, and rows that tie on the keys are identical (so the expected order is
the only order the query allows).
"""

import json
import os
import re

import yaml

from rmdata import CASES


def ehr(key):
    return "${ehr:" + key + "}"


def comp(key):
    return "${composition:" + key + "}"


def version(key, n=None):
    return "${version:" + key + ("" if n is None else f"@{n}") + "}"


def fixture_ref(doc_or_file, pointer, except_pointers=None):
    """A cell holding a whole object: the JSON at `pointer` in a data_load fixture file."""
    file = doc_or_file if isinstance(doc_or_file, str) else doc_or_file.file
    cell = {"$fixture": file, "$pointer": pointer}
    if except_pointers:
        cell["$except"] = list(except_pointers)
    return cell


class Case:
    def __init__(self, id, title, aql, columns=None, rows=None, derivation=None, ordered=False,
                 parameters=None, request=None, status=200, invalid=None, sort_keys=None):
        self.id = id
        self.title = title
        self.aql = aql.strip()
        self.columns = columns
        self.rows = rows
        self.derivation = derivation
        self.ordered = ordered
        self.parameters = parameters
        self.request = request
        self.status = status
        self.invalid = invalid
        self.sort_keys = sort_keys  # for ordered cases: one tuple of sort values per row (checked, not written)
        self.area = None

    def check(self):
        if not re.fullmatch(r"[a-z_]+\.\d{3}", self.id):
            raise ValueError(f"{self.id}: id must be area.NNN")
        if not self.derivation:
            raise ValueError(f"{self.id}: no derivation")
        if self.status == 200:
            if self.columns is None or self.rows is None:
                raise ValueError(f"{self.id}: columns and rows are required")
            for r in self.rows:
                if len(r) != len(self.columns):
                    raise ValueError(f"{self.id}: row {r} is not {len(self.columns)} wide")
            if self.ordered:
                if self.sort_keys is None or len(self.sort_keys) != len(self.rows):
                    raise ValueError(f"{self.id}: ordered case without one sort key per row")
                for i in range(1, len(self.rows)):
                    a, b = self.sort_keys[i - 1], self.sort_keys[i]
                    if a == b and self.rows[i - 1] != self.rows[i]:
                        raise ValueError(f"{self.id}: rows {i - 1} and {i} tie on the sort keys but differ")
            elif self.sort_keys is not None:
                raise ValueError(f"{self.id}: sort keys on an unordered case")
        else:
            if self.invalid not in ("syntax", "semantic", "parameter"):
                raise ValueError(f"{self.id}: a failing case says why it is invalid (syntax, semantic, parameter)")
        return self

    def to_yaml_obj(self):
        o = {"id": self.id, "area": self.area, "title": self.title, "aql": self.aql}
        if self.parameters:
            o["parameters"] = self.parameters
        if self.request:
            o["request"] = self.request
        expected = {}
        if self.status != 200:
            expected["status"] = self.status
            expected["invalid"] = self.invalid
        else:
            expected["columns"] = self.columns
            expected["ordered"] = self.ordered
            expected["rows"] = self.rows
        o["expected"] = expected
        o["derivation"] = self.derivation
        return o


def sort_key_asc(v):
    """ASC order with NULLs last: (is_null, value)."""
    return (v is None, v if v is not None else 0)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, s):
    if "\n" in s:
        return dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", s)


def _list(dumper, items):
    # rows and columns of scalars in flow style: one row a line
    flow = all(not isinstance(x, (dict, list)) for x in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def write_area(area, header, cases):
    ids = set()
    for c in cases:
        c.area = area
        c.check()
        if not c.id.startswith(area + "."):
            raise ValueError(f"{c.id} is not in area {area}")
        if c.id in ids:
            raise ValueError(f"duplicate id {c.id}")
        ids.add(c.id)
    path = os.path.join(CASES, f"{area}.yaml")
    body = yaml.dump([c.to_yaml_obj() for c in cases], Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100000)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# GENERATED by derive/generate.py from the fixture data; edit the derive/cases_*.py, not this file.\n")
        for line in header.strip().splitlines():
            f.write(f"# {line}\n")
        f.write(body)
    return path


def derivation(*parts):
    """Joins explanation text and trace lines into one note."""
    lines = []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, (list, tuple)):
            lines.extend(p)
        else:
            lines.append(p)
    return "\n".join(lines) + "\n"


def dumps(v):
    return json.dumps(v, ensure_ascii=False)


# _type of attributes whose declared type is concrete, where a fixture may leave _type out (ITS-JSON allows it);
# the server always writes it, and inline expected objects carry it.
_CONCRETE = {
    "defining_code": "CODE_PHRASE", "terminology_id": "TERMINOLOGY_ID", "language": "CODE_PHRASE",
    "territory": "CODE_PHRASE", "encoding": "CODE_PHRASE", "external_ref": "PARTY_REF", "media_type": "CODE_PHRASE",
    "symbol": "DV_CODED_TEXT", "normal_status": "CODE_PHRASE", "archetype_id": "ARCHETYPE_ID", "template_id": "TEMPLATE_ID",
}


def typed(value, rm_type):
    """An inline expected object with _type on every level (filled in from the RM where the fixture omits it)."""
    import copy

    def fill(o, t):
        if isinstance(o, dict):
            if "_type" not in o:
                if t is None:
                    raise ValueError(f"cannot tell the _type of {o}")
                o = {"_type": t, **o}
            for k, v in list(o.items()):
                if isinstance(v, dict):
                    o[k] = fill(v, _CONCRETE.get(k))
                elif isinstance(v, list):
                    o[k] = [fill(x, None) if isinstance(x, dict) else x for x in v]
            return o
        return o

    return fill(copy.deepcopy(value), rm_type)
