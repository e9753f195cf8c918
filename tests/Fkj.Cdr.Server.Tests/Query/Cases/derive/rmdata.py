"""
Reading the AQL test data (dataset.yaml and the fixture files it names) to derive expected results.

This is deliberately not a query engine: it loads the JSON documents, finds objects in them by RM type and
archetype, and follows openEHR paths with node predicates. Each case (cases_*.py) does its own joining,
filtering, ordering and counting in plain Python over what these helpers return, and every value it reads
is recorded with the file and JSON pointer it came from, so the derivation note says where each expected
value is in the data.
"""

import json
import os
import re

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.dirname(HERE)


def _repo_root():
    d = CASES
    while not os.path.exists(os.path.join(d, "Fkj.Cdr.sln")):
        parent = os.path.dirname(d)
        if parent == d:
            raise SystemExit("Fkj.Cdr.sln not found above " + CASES)
        d = parent
    return d


REPO = _repo_root()
FIXTURES_ROOT = os.path.normpath(os.path.join(REPO, "..", "shared", "fixtures"))

# RM types that archetypes root (the LOCATABLEs a CONTAINS can name by archetype id) and the others the
# cases name in FROM.
ENTRY_TYPES = {"OBSERVATION", "EVALUATION", "INSTRUCTION", "ACTION", "ADMIN_ENTRY"}
CARE_ENTRY_TYPES = {"OBSERVATION", "EVALUATION", "INSTRUCTION", "ACTION"}


class Node:
    """A JSON object in a document, with its pointer and its parent node (for containment)."""

    __slots__ = ("doc", "obj", "pointer", "parent", "attr")

    def __init__(self, doc, obj, pointer, parent, attr):
        self.doc = doc
        self.obj = obj
        self.pointer = pointer
        self.parent = parent
        self.attr = attr

    @property
    def type(self):
        return self.obj.get("_type")

    @property
    def node_id(self):
        return self.obj.get("archetype_node_id")

    @property
    def name(self):
        n = self.obj.get("name")
        return n.get("value") if isinstance(n, dict) else None

    def where(self):
        return f"{self.doc.file}:{self.pointer or '/'}"

    def __repr__(self):
        return f"<{self.type} {self.node_id} {self.where()}>"


class Doc:
    """One version of one composition as committed (the JSON of the fixture file)."""

    def __init__(self, key, file, obj, version):
        self.key = key
        self.file = file
        self.obj = obj
        self.version = version
        self._nodes = None

    def nodes(self):
        """Every JSON object in the document (pre-order), as Nodes."""
        if self._nodes is None:
            out = []

            def walk(o, pointer, parent, attr):
                node = Node(self, o, pointer, parent, attr)
                out.append(node)
                for k, v in o.items():
                    if isinstance(v, dict):
                        walk(v, f"{pointer}/{k}", node, k)
                    elif isinstance(v, list):
                        for i, x in enumerate(v):
                            if isinstance(x, dict):
                                walk(x, f"{pointer}/{k}/{i}", node, k)

            walk(self.obj, "", None, None)
            self._nodes = out
        return self._nodes

    @property
    def root(self):
        return self.nodes()[0]


class Composition:
    """A versioned composition of the data set: its versions in order, its EHR, whether it was deleted."""

    def __init__(self, key, ehr, file, fmt, template_id, versions, deleted):
        self.key = key
        self.ehr = ehr
        self.file = file
        self.format = fmt
        self.template_id = template_id
        self.versions = versions  # list of Doc (empty for FLAT: not readable as canonical JSON here)
        self.deleted = deleted

    @property
    def latest(self):
        return self.versions[-1] if self.versions else None

    @property
    def canonical(self):
        return self.format != "flat"


class Folder:
    """A FOLDER of a directory, with its sub-folders and the composition keys its items name."""

    def __init__(self, ehr, file, obj, pointer, parent, items_map):
        self.ehr = ehr
        self.file = file
        self.obj = obj
        self.pointer = pointer
        self.parent = parent
        self.children = [Folder(ehr, file, f, f"{pointer}/folders/{i}", self, items_map)
                         for i, f in enumerate(obj.get("folders") or [])]
        self.item_keys = []
        for item in obj.get("items") or []:
            ref = item["id"]["value"]
            m = re.fullmatch(r"\$\{(\w+)\}", ref)
            if not m:
                raise ValueError(f"{file}{pointer}: item {ref} is not a placeholder")
            self.item_keys.append(items_map[m.group(1)])

    @property
    def name(self):
        return self.obj["name"]["value"]

    @property
    def uid(self):
        return self.obj["uid"]["value"]

    @property
    def archetype_node_id(self):
        return self.obj["archetype_node_id"]

    def descendants(self):
        """Strict descendants, pre-order."""
        for c in self.children:
            yield c
            yield from c.descendants()

    def all(self):
        yield self
        yield from self.descendants()

    def contained_keys(self):
        """Composition keys in the items of this folder or of any folder below it."""
        keys = []
        for f in self.all():
            keys.extend(f.item_keys)
        return keys

    def where(self):
        return f"{self.file}:{self.pointer or '/'}"


class Ehr:
    def __init__(self, key, status_file, status):
        self.key = key
        self.status_file = status_file
        self.status = status
        self.compositions = []
        self.directory = None

    @property
    def subject_id(self):
        if not self.status:
            return None
        ref = self.status.get("subject", {}).get("external_ref")
        return ref["id"]["value"] if ref else None


class Dataset:
    def __init__(self):
        with open(os.path.join(CASES, "dataset.yaml"), encoding="utf-8") as f:
            self.manifest = yaml.safe_load(f)
        self.base = os.path.join(FIXTURES_ROOT, self.manifest["fixtures"])
        self.ehrs = {}
        for e in self.manifest["ehrs"]:
            status = self.read(e["status"]) if e.get("status") else None
            self.ehrs[e["key"]] = Ehr(e["key"], e.get("status"), status)
        self.compositions = {}
        for c in self.manifest["compositions"]:
            if "expect" in c:
                continue
            fmt = c.get("format", "canonical")
            versions = []
            if fmt != "flat":
                files = [c["file"]] + list(c.get("updates") or [])
                versions = [Doc(c["key"], f, self.read(f), i + 1) for i, f in enumerate(files)]
            comp = Composition(c["key"], c["ehr"], c["file"], fmt, c.get("template_id"), versions, bool(c.get("delete")))
            self.compositions[c["key"]] = comp
            self.ehrs[c["ehr"]].compositions.append(comp)
        for fo in self.manifest.get("folders") or []:
            obj = self.read(fo["file"])
            self.ehrs[fo["ehr"]].directory = Folder(fo["ehr"], fo["file"], obj, "", None, fo.get("items") or {})

    def read(self, relative):
        with open(os.path.join(self.base, relative), encoding="utf-8") as f:
            return json.load(f)

    # ---- what a query sees by default: the latest version of every composition that is not deleted

    def live(self, ehr=None):
        """Latest versions of the compositions that are not deleted, optionally of one EHR, in manifest order."""
        return [c for c in self.compositions.values()
                if not c.deleted and (ehr is None or c.ehr == ehr)]

    def live_canonical(self, ehr=None):
        return [c for c in self.live(ehr) if c.canonical]


# ---- finding objects -----------------------------------------------------------------------------------

def rm_type_matches(node, rm_type):
    t = node.type
    if t is None:
        return False
    if rm_type == "ENTRY":
        return t in ENTRY_TYPES
    if rm_type == "CARE_ENTRY":
        return t in CARE_ENTRY_TYPES
    if rm_type == "EVENT":
        return t in ("POINT_EVENT", "INTERVAL_EVENT")
    return t == rm_type


def is_descendant(node, ancestor):
    p = node.parent
    while p is not None:
        if p is ancestor:
            return True
        p = p.parent
    return False


def find(scope, rm_type, archetype_id=None, name=None, node_id=None):
    """
    Objects of `rm_type` strictly inside `scope` (a Node or a Doc: a Doc's own root is included, as the
    composition itself is what COMPOSITION names), optionally with an archetype id / node id / name.
    """
    if isinstance(scope, Doc):
        candidates = scope.nodes()
        inside = lambda n: True
    else:
        candidates = scope.doc.nodes()
        inside = lambda n: is_descendant(n, scope)
    out = []
    for n in candidates:
        if not rm_type_matches(n, rm_type) or not inside(n):
            continue
        if archetype_id is not None and n.node_id != archetype_id:
            continue
        if node_id is not None and n.node_id != node_id:
            continue
        if name is not None and n.name != name:
            continue
        out.append(n)
    return out


# ---- following paths ------------------------------------------------------------------------------------

_STEP = re.compile(r"([a-z_]+)(?:\[([^\]]*)\])?")


def _predicate(pred):
    """A node predicate: [atNNNN], [archetype-id], [atNNNN,'name'], [name/value='x']."""
    if pred is None:
        return lambda o: True
    pred = pred.strip()
    m = re.fullmatch(r"name/value\s*=\s*'([^']*)'", pred)
    if m:
        return lambda o: isinstance(o.get("name"), dict) and o["name"].get("value") == m.group(1)
    m = re.fullmatch(r"([^,\s]+)\s*,\s*'([^']*)'", pred)
    if m:
        return lambda o: o.get("archetype_node_id") == m.group(1) and o.get("name", {}).get("value") == m.group(2)
    return lambda o: o.get("archetype_node_id") == pred


def resolve(node, path):
    """
    All (pointer, value) a relative openEHR path reaches from `node` (a Node). A step over a list keeps
    the elements its predicate matches; a step without predicate over a list keeps them all.
    """
    current = [(node.pointer, node.obj)]
    path = path.strip("/")
    if path:
        for step in path.split("/"):
            m = _STEP.fullmatch(step)
            if not m:
                raise ValueError(f"bad step {step!r} in {path!r}")
            attr, pred = m.group(1), m.group(2)
            test = _predicate(pred)
            nxt = []
            for pointer, obj in current:
                if not isinstance(obj, dict) or attr not in obj:
                    continue
                v = obj[attr]
                if isinstance(v, list):
                    for i, x in enumerate(v):
                        if isinstance(x, dict) and test(x):
                            nxt.append((f"{pointer}/{attr}/{i}", x))
                elif pred is None or (isinstance(v, dict) and test(v)):
                    nxt.append((f"{pointer}/{attr}", v))
            current = nxt
    return current


class Trace:
    """Collects where each value read came from, for the derivation note."""

    def __init__(self):
        self.lines = []

    def note(self, text):
        self.lines.append(text)

    def value(self, node, path, required=True):
        """The single value `path` reaches from `node` (None if none), recorded; several is an error."""
        found = resolve(node, path)
        if len(found) > 1:
            raise ValueError(f"{node.where()} {path}: {len(found)} values")
        if not found:
            if required:
                raise ValueError(f"{node.where()} {path}: no value")
            self.lines.append(f"{node.doc.file}:{node.pointer}{'/' + path.strip('/') if path.strip('/') else ''} is absent (null)")
            return None
        pointer, v = found[0]
        shown = json.dumps(v, ensure_ascii=False) if not isinstance(v, dict) else "{" + (v.get("_type") or "object") + "}"
        self.lines.append(f"{node.doc.file}:{pointer} = {shown}")
        return v

    def maybe(self, node, path):
        return self.value(node, path, required=False)


def canonical_object(v):
    """A whole RM object as the result set carries it: the fixture JSON (the runner compares it with
    JsonTreeComparer, so a _type the fixture leaves out is not a difference)."""
    return v
