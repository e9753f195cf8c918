#!/usr/bin/env python3
"""
Writes Cases/<area>.yaml from the case modules. Run from anywhere: python3 derive/generate.py
It reads only the fixture files named in dataset.yaml (and the OPTs, to check which archetypes FLAT
compositions can hold); it never talks to a server.
"""

import importlib
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from casekit import write_area  # noqa: E402

MODULES = ["from_contains", "select", "where_operators", "order_by", "aggregates", "functions",
           "versions", "parameters", "limit_offset", "folders", "ehr", "errors"]


def main():
    only = sys.argv[1:]
    total = 0
    for name in MODULES:
        if only and name not in only:
            continue
        try:
            mod = importlib.import_module(f"cases_{name}")
        except ModuleNotFoundError as e:
            if e.name == f"cases_{name}":
                continue
            raise
        cases = mod.build()
        path = write_area(mod.AREA, mod.HEADER, cases)
        total += len(cases)
        print(f"{mod.AREA:16} {len(cases):4} cases -> {os.path.relpath(path)}")
    print(f"{'total':16} {total:4}")


if __name__ == "__main__":
    main()
