"""Folders: FROM EHR CONTAINS FOLDER, FOLDER CONTAINS FOLDER, FOLDER CONTAINS COMPOSITION (through the folders'
items, at any depth below the folder), folder predicates and paths."""

from common import *

AREA = "folders"
HEADER = """FOLDER in FROM: the folders of each EHR's directory (the root and every sub-folder). FOLDER f1 CONTAINS FOLDER f2
matches f2 strictly below f1. FOLDER f CONTAINS COMPOSITION c matches the compositions whose versioned object an
item of f or of any folder below f references, in their latest version (as EHRbase and the openEHR folder-AQL note
define it). Directories (dataset.yaml): ins1920 folder_with_compositions1.json (items: max, kdt1, kdt2, pm),
ins1921 folder_complex_hierarchy2.json (no items), ext_id_42 folder_multi_compositions.json (items: contains_c, array),
empty folder_simple.json; flat has none. Root folder uids are never asserted (the server may set them)."""


def folders_of(key):
    e = ds().ehrs[key]
    return list(e.directory.all()) if e.directory else []


def build():
    cases = []
    add = cases.append
    n = iter(range(1, 1000))
    nid = lambda: f"folders.{next(n):03d}"
    d = ds()
    KEYS = [k for k, e in d.ehrs.items() if e.directory]

    rows = [[f.name, f.archetype_node_id] for f in folders_of(E1)]
    add(Case(nid(), "Every folder of one EHR's directory, root included", f"SELECT f/name/value, f/archetype_node_id FROM {in_ehr(E1)} CONTAINS FOLDER f",
             ["#0", "#1"], rows, derivation("folder/folder_with_compositions1.json: root1 > subfolder1 > (subsubfolder1 > subsubsubfolder2, subsubfolder2).",
                                            [f"{f.where()} name {f.name}" for f in folders_of(E1)])))

    rows = [[ehr(k), f.name] for k in KEYS for f in folders_of(k)]
    add(Case(nid(), "Folders of every EHR; an EHR without a directory gives none", "SELECT e/ehr_id/value, f/name/value FROM EHR e CONTAINS FOLDER f",
             ["#0", "#1"], rows, derivation("ins1920 5 folders, ins1921 7, ext_id_42 1, empty 1; flat has no directory.",
                                            [f"{f.where()} {f.name}" for k in KEYS for f in folders_of(k)])))

    add(Case(nid(), "COUNT(*) of folders", "SELECT COUNT(*) FROM EHR e CONTAINS FOLDER f", ["#0"], [[len(rows)]],
             derivation(f"{len(rows)} folders in all (see folders.002).")))

    ep = "openEHR-EHR-FOLDER.episode_of_care.v1"
    rows = [[ehr(k), f.name] for k in KEYS for f in folders_of(k) if f.archetype_node_id == ep]
    add(Case(nid(), "FOLDER with an archetype predicate", f"SELECT e/ehr_id/value, f/name/value FROM EHR e CONTAINS FOLDER f[{ep}]",
             ["#0", "#1"], rows, derivation("The episode_of_care folders.", [f"{f.where()} {f.archetype_node_id}" for k in KEYS for f in folders_of(k)])))

    rows = [[ehr(k), f.uid] for k in KEYS for f in folders_of(k) if f.archetype_node_id == ep and f.name == "subsubfolder1"]
    add(Case(nid(), "FOLDER[archetype, 'name']: the uids of the sub-folders of that name",
             f"SELECT e/ehr_id/value, f/uid/value FROM EHR e CONTAINS FOLDER f[{ep}, 'subsubfolder1']",
             ["#0", "#1"], rows, derivation("One in ins1920, two in ins1921 (under subfolder1 and subfolder2).",
                                            [f"{f.where()} uid {f.uid}" for k in KEYS for f in folders_of(k) if f.name == "subsubfolder1"])))

    rows = [[f.name] for f in folders_of(E1) if f.uid == "643b71ca-f9d5-4d84-9f39-b2d89cbab44a"]
    add(Case(nid(), "WHERE on a folder uid", "SELECT f/name/value FROM EHR e CONTAINS FOLDER f WHERE f/uid/value = '643b71ca-f9d5-4d84-9f39-b2d89cbab44a'",
             ["#0"], rows, derivation("Only ins1920's subsubfolder2 has that uid among the loaded folders.")))

    # FOLDER CONTAINS FOLDER
    rows = []
    lines = []
    for f1 in folders_of(E2):
        for f2 in f1.descendants():
            rows.append([f1.name, f2.uid])
            lines.append(f"{f2.where()} is below {f1.where()}")
    add(Case(nid(), "FOLDER CONTAINS FOLDER: every (ancestor, descendant) pair", f"SELECT f1/name/value, f2/uid/value FROM {in_ehr(E2)} CONTAINS FOLDER f1 CONTAINS FOLDER f2",
             ["#0", "#1"], rows, derivation("folder_complex_hierarchy2.json: root1 has 6 folders below it, each subfolder 2.", lines)))
    rows = [[f2.uid, f2.name] for f1 in folders_of(E2) if f1.name == "subfolder1" for f2 in f1.descendants() if f2.archetype_node_id == ep]
    add(Case(nid(), "FOLDER[generic, 'subfolder1'] CONTAINS FOLDER[episode_of_care]",
             f"SELECT f2/uid/value, f2/name/value FROM {in_ehr(E2)} CONTAINS FOLDER f1[openEHR-EHR-FOLDER.generic.v1, 'subfolder1'] CONTAINS FOLDER f2[{ep}]",
             ["#0", "#1"], rows, derivation("The two episode folders under subfolder1 of folder_complex_hierarchy2.json.")))
    rows = [[f1.name] for f1 in folders_of(E1) if any(True for _ in f1.descendants())]
    add(Case(nid(), "Folders that have sub-folders", f"SELECT DISTINCT f1/name/value FROM {in_ehr(E1)} CONTAINS FOLDER f1 CONTAINS FOLDER f2",
             ["#0"], rows, derivation("root1, subfolder1 and subsubfolder1 have folders below them; subsubsubfolder2 and subsubfolder2 do not.")))

    # FOLDER CONTAINS COMPOSITION
    rows = []
    lines = []
    for f in folders_of(E1):
        for k in f.contained_keys():
            rows.append([f.name, version(k)])
        lines.append(f"{f.where()} {f.name}: items {f.item_keys}, with the folders below: {f.contained_keys()}")
    add(Case(nid(), "FOLDER CONTAINS COMPOSITION: the items of the folder and of every folder below it",
             f"SELECT f/name/value, c/uid/value FROM {in_ehr(E1)} CONTAINS FOLDER f CONTAINS COMPOSITION c",
             ["#0", "#1"], rows, derivation("dataset.yaml maps c_uid1b..c_uid4b to max, kdt1, kdt2, pm.", lines)))
    sub = [f for f in folders_of(E1) if f.name == "subsubfolder1"][0]
    add(Case(nid(), "FOLDER CONTAINS COMPOSITION with WHERE on the folder name",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS FOLDER f CONTAINS COMPOSITION c WHERE f/name/value = 'subsubfolder1'",
             ["#0"], [[version(k)] for k in sub.contained_keys()], derivation(f"subsubfolder1 holds kdt1 and, in subsubsubfolder2, pm: {sub.contained_keys()}.")))
    rows = [[version(k)] for f1 in folders_of(E1) if f1.archetype_node_id == ep for f2 in f1.descendants() if f2.archetype_node_id == ep for k in f2.contained_keys()]
    add(Case(nid(), "FOLDER CONTAINS FOLDER CONTAINS COMPOSITION",
             f"SELECT c/uid/value FROM {in_ehr(E1)} CONTAINS FOLDER f1[{ep}] CONTAINS FOLDER f2[{ep}] CONTAINS COMPOSITION c",
             ["#0"], rows, derivation("Only subsubfolder1 has an episode folder below it (subsubsubfolder2), which holds pm.")))
    rows = [[version(k)] for f in folders_of(E3) for k in f.contained_keys()]
    add(Case(nid(), "Two compositions in one folder", f"SELECT c/uid/value FROM {in_ehr(E3)} CONTAINS FOLDER f CONTAINS COMPOSITION c",
             ["#0"], rows, derivation("folder_multi_compositions.json: root1 items c_uid1 (contains_c) and c_uid2 (array).")))

    # through the composition into its content
    t = Trace()
    f23 = [f for f in folders_of(E1) if f.name == "subsubfolder2"][0]
    rows = []
    for k in f23.contained_keys():
        doc = d.compositions[k].latest
        for o in find(doc, "OBSERVATION"):
            rows.append([version(k), t.value(o, "data/events[at0002]/time/value")])
    add(Case(nid(), "FOLDER CONTAINS COMPOSITION CONTAINS OBSERVATION",
             f"SELECT c/uid/value, o/data/events[at0002]/time/value FROM {in_ehr(E1)} CONTAINS FOLDER f[{ep}, 'subsubfolder2'] CONTAINS COMPOSITION c CONTAINS OBSERVATION o",
             ["#0", "#1"], rows, derivation("subsubfolder2 holds kdt2, which has one observation with one event.", t.lines)))

    t = Trace()
    o = find(d.compositions["pm"].latest, "OBSERVATION", PM_OBS)[0]
    v = t.value(o, "data[at0001]/events[at0002]/data[at0003]/items[at0004]/value/value")
    add(Case(nid(), "A folder item names the versioned composition: the query sees its latest version",
             f"SELECT c/uid/value, o/data[at0001]/events[at0002]/data[at0003]/items[at0004]/value/value FROM {in_ehr(E1)} CONTAINS FOLDER f[{ep}, 'subsubsubfolder2'] CONTAINS COMPOSITION c CONTAINS OBSERVATION o",
             ["#0", "#1"], [[version("pm", 3), v]],
             derivation("The item holds pm's versioned object uid (no version), so the composition is pm's latest version, 3.", t.lines)))

    rows = [[ehr(k), f.name] for k in KEYS for f in folders_of(k) if not f.contained_keys()]
    add(Case(nid(), "FOLDER NOT CONTAINS COMPOSITION: folders without compositions anywhere below",
             "SELECT e/ehr_id/value, f/name/value FROM EHR e CONTAINS FOLDER f NOT CONTAINS COMPOSITION c",
             ["#0", "#1"], rows, derivation("Every folder of ins1920 and ext_id_42 holds a composition (itself or below); none of ins1921's or empty's does.")))

    rows = [[e_] for e_ in sorted({f.archetype_node_id for k in KEYS for f in folders_of(k)})]
    add(Case(nid(), "DISTINCT folder archetypes", "SELECT DISTINCT f/archetype_node_id FROM FOLDER f", ["#0"], rows,
             derivation("generic.v1 and episode_of_care.v1 across the loaded folders.")))

    from cases_where_operators import like
    rows = [[f.name] for k in KEYS for f in folders_of(k) if like(f.name, "subsub*")]
    add(Case(nid(), "FOLDER alone in FROM, with LIKE on the name", "SELECT f/name/value FROM FOLDER f WHERE f/name/value LIKE 'subsub*'", ["#0"], rows,
             derivation("Every folder named subsub...: ins1920 3, ins1921 4.")))

    rows = [[ehr(k)] for k in KEYS for f in folders_of(k) if f.name == "subsubsubfolder2"]
    add(Case(nid(), "Which EHRs have a folder of a given name", "SELECT e/ehr_id/value FROM EHR e CONTAINS FOLDER f WHERE f/name/value = 'subsubsubfolder2'",
             ["#0"], rows, derivation("Only folder_with_compositions1.json (ins1920) has subsubsubfolder2.")))

    rows = [[ehr(k), version(c)] for k in KEYS for f in folders_of(k) if f.parent is None for c in f.contained_keys()]
    add(Case(nid(), "Compositions reachable from each EHR's directory root",
             "SELECT e/ehr_id/value, c/uid/value FROM EHR e CONTAINS FOLDER f[openEHR-EHR-FOLDER.generic.v1, 'root1'] CONTAINS COMPOSITION c",
             ["#0", "#1"], rows, derivation("root1 in ins1920 reaches max, kdt1, kdt2, pm; in ext_id_42 contains_c and array; ins1921's root1 reaches none.")))
    return cases
