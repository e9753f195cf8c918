using System.Globalization;
using System.Text;
using static Fkj.Cdr.Terminology.Rf2.Synthetic.ClinicalVocabulary;

namespace Fkj.Cdr.Terminology.Rf2.Synthetic;

/// <summary>
/// Writes a synthetic, fictitious SNOMED CT release in RF2 Snapshot layout: an International-style release
/// (SnomedCT_SyntheticInternationalRF2_...) and a Norwegian-style extension (SnomedCT_SyntheticNorwayRF2_...) with
/// bokmål descriptions, its language reference set and a simple reference set. The real top-level and metadata
/// concepts keep their identifiers; every other concept, description and relationship gets a valid SCTID (right
/// partition, Verhoeff check digit), short format in the International release and long format in namespace
/// 1000202 in the extension. Hierarchies have depths up to 15, some concepts have several parents, some are
/// inactive with historical associations, and relationships carry role groups and concrete values. The same seed
/// gives the same files.
/// </summary>
public sealed class SyntheticRelease
{
    private const int NorwegianNamespace = 1000202;
    private const long NorwegianModule = 51000202101;
    private const int MaxLevel = 15;

    // Attribute types (real identifiers).
    private const long FindingSite = 363698007, AssociatedMorphology = 116676008, CausativeAgent = 246075003,
        Method = 260686004, ProcedureSite = 405813007, HasActiveIngredient = 127489000,
        CountOfBase = 1142139005, StrengthNumerator = 1142135004;

    private enum Kind { Metadata, Finding, Disorder, Procedure, Anatomy, Morphology, Substance, Product, Organism, Observable, Situation, Event, PhysicalObject, Qualifier }

    private sealed class Node
    {
        public long Id;
        public Kind Kind;
        public int Level;
        public int[] Parents = [];
        public bool Active = true;
        public string Term = "";
        public string Tag = "";
        public bool Fixed;
        public bool HasChildren;
    }

    private readonly SyntheticReleaseOptions options;
    private readonly SyntheticRandom random;
    private readonly List<Node> nodes = [];
    private readonly Dictionary<long, int> byId = [];
    private readonly HashSet<string> fsns = new(StringComparer.Ordinal);
    private readonly Dictionary<Kind, List<int>> ofKind = [];
    private long nextConceptItem = 2_000_000, nextDescriptionItem = 10_000_000, nextRelationshipItem = 10_000_000;
    private long nextExtensionItem = 1_000;

    private long simpleRefset, mapRefset, norwegianSimpleRefset;

    private SyntheticRelease(SyntheticReleaseOptions options)
    {
        this.options = options;
        random = new SyntheticRandom(options.Seed);
    }

    public static SyntheticReleaseSummary Write(string outDirectory, SyntheticReleaseOptions options)
    {
        var release = new SyntheticRelease(options);
        release.BuildHierarchies();
        return release.WriteFiles(outDirectory);
    }

    // ---- the concept graph -------------------------------------------------------------------------------------

    private void BuildHierarchies()
    {
        AddFixedConcepts();
        var weights = new (Kind Kind, long Top, double Weight)[]
        {
            (Kind.Disorder, 64572001, 0.24), (Kind.Finding, 404684003, 0.09), (Kind.Procedure, 71388002, 0.16),
            (Kind.Anatomy, 91723000, 0.09), (Kind.Morphology, 49755003, 0.03), (Kind.Substance, 105590001, 0.08),
            (Kind.Product, 373873005, 0.08), (Kind.Organism, 410607006, 0.10), (Kind.Observable, 363787002, 0.05),
            (Kind.Situation, 243796009, 0.02), (Kind.Event, 272379006, 0.01), (Kind.PhysicalObject, 260787004, 0.02),
            (Kind.Qualifier, 362981000, 0.03),
        };
        var toGenerate = Math.Max(0, options.Concepts - nodes.Count);
        var total = weights.Sum(w => w.Weight);
        foreach (var (kind, top, weight) in weights)
        {
            GrowHierarchy(kind, byId[top], (int)(toGenerate * weight / total));
        }

        // A few leaves become inactive (retired concepts keep their descriptions and get a historical association).
        foreach (var kind in weights.Select(w => w.Kind))
        {
            foreach (var i in ofKind[kind])
            {
                var node = nodes[i];
                if (!node.Fixed && !node.HasChildren && random.Chance(0.045))
                {
                    node.Active = false;
                }
            }
        }
    }

    private void GrowHierarchy(Kind kind, int top, int count)
    {
        var levels = new List<List<int>>();
        for (var l = 0; l <= MaxLevel; l++)
        {
            levels.Add([]);
        }

        levels[nodes[top].Level].Add(top);
        foreach (var i in ofKind.GetValueOrDefault(kind, []))
        {
            if (nodes[i].Level > nodes[top].Level)
            {
                levels[nodes[i].Level].Add(i); // fixed concepts inside the hierarchy (39057004) take children too
            }
        }

        var deepest = levels.FindLastIndex(l => l.Count > 0);
        for (var n = 0; n < count; n++)
        {
            // depth: top level + 1 + Binomial(12, 0.45), at most 15, and never below a level that has no concepts yet
            var level = nodes[top].Level + 1;
            for (var k = 0; k < 12; k++)
            {
                level += random.Chance(0.45) ? 1 : 0;
            }

            level = Math.Min(Math.Min(level, MaxLevel), deepest + 1);
            var candidates = levels[level - 1];
            var parent = candidates[Skewed(candidates.Count)];
            var parents = new List<int> { parent };
            var extra = random.NextDouble() switch { < 0.08 => 2, < 0.34 => 1, _ => 0 };
            for (var e = 0; e < extra && candidates.Count > 2; e++)
            {
                var other = candidates[Skewed(candidates.Count)];
                if (!parents.Contains(other))
                {
                    parents.Add(other);
                }
            }

            var node = new Node { Kind = kind, Level = level, Parents = parents.ToArray() };
            (node.Term, node.Tag) = NewTerm(kind, nodes[parent]);
            node.Id = Sctid.Create(nextConceptItem++, Sctid.ConceptPartition);
            foreach (var p in parents)
            {
                nodes[p].HasChildren = true;
            }

            var index = Add(node);
            levels[level].Add(index);
            deepest = Math.Max(deepest, level);
        }
    }

    /// <summary>An index below n that favours early (older) concepts, so some concepts get thousands of children.</summary>
    private int Skewed(int n)
    {
        var u = random.NextDouble();
        return Math.Min(n - 1, (int)(n * u * u * Math.Sqrt(u)));
    }

    private int Add(Node node)
    {
        nodes.Add(node);
        var index = nodes.Count - 1;
        byId[node.Id] = index;
        fsns.Add(node.Term + " (" + node.Tag + ")");
        if (!ofKind.TryGetValue(node.Kind, out var list))
        {
            ofKind[node.Kind] = list = [];
        }

        list.Add(index);
        return index;
    }

    private void AddFixedConcepts()
    {
        var fixedConcepts = new (long Id, string Term, string Tag, long Parent, Kind Kind)[]
        {
            (SnomedIds.Root, "SNOMED CT Concept", "SNOMED RT+CTV3", 0, Kind.Metadata),
            (900000000000441003, "SNOMED CT Model Component", "metadata", SnomedIds.Root, Kind.Metadata),
            (106237007, "Linkage concept", "linkage concept", SnomedIds.Root, Kind.Metadata),
            (246061005, "Attribute", "attribute", 106237007, Kind.Metadata),
            (SnomedIds.IsA, "Is a", "attribute", 246061005, Kind.Metadata),
            (410662002, "Concept model attribute", "attribute", 246061005, Kind.Metadata),
            (FindingSite, "Finding site", "attribute", 410662002, Kind.Metadata),
            (AssociatedMorphology, "Associated morphology", "attribute", 410662002, Kind.Metadata),
            (CausativeAgent, "Causative agent", "attribute", 410662002, Kind.Metadata),
            (Method, "Method", "attribute", 410662002, Kind.Metadata),
            (ProcedureSite, "Procedure site - direct", "attribute", 410662002, Kind.Metadata),
            (HasActiveIngredient, "Has active ingredient", "attribute", 410662002, Kind.Metadata),
            (CountOfBase, "Count of base of active ingredient", "attribute", 410662002, Kind.Metadata),
            (StrengthNumerator, "Has presentation strength numerator value", "attribute", 410662002, Kind.Metadata),
            (SnomedIds.CoreModule, "SNOMED CT core module", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.ModelComponentModule, "SNOMED CT model component module", "core metadata concept", 900000000000441003, Kind.Metadata),
            (NorwegianModule, "Norwegian module", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Primitive, "Primitive", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Defined, "Sufficiently defined concept definition status", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Fsn, "Fully specified name", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Synonym, "Synonym", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Definition, "Definition", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.InferredRelationship, "Inferred relationship", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.StatedRelationship, "Stated relationship", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.ExistentialRestriction, "Existential restriction modifier", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.CaseInsensitive, "Entire term case insensitive", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.CaseSensitive, "Entire term case sensitive", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.InitialCharacterCaseInsensitive, "Only initial character case insensitive", "core metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Preferred, "Preferred", "foundation metadata concept", 900000000000441003, Kind.Metadata),
            (SnomedIds.Acceptable, "Acceptable", "foundation metadata concept", 900000000000441003, Kind.Metadata),
            (900000000000455006, "Reference set", "foundation metadata concept", 900000000000441003, Kind.Metadata),
            (900000000000506000, "Language type reference set", "foundation metadata concept", 900000000000455006, Kind.Metadata),
            (SnomedIds.GbEnglish, "GB English", "foundation metadata concept", 900000000000506000, Kind.Metadata),
            (SnomedIds.UsEnglish, "US English", "foundation metadata concept", 900000000000506000, Kind.Metadata),
            (SnomedIds.NorwegianBokmal, "Norwegian bokmål language reference set", "foundation metadata concept", 900000000000506000, Kind.Metadata),
            (900000000000521006, "Historical association", "foundation metadata concept", 900000000000455006, Kind.Metadata),
            (SnomedIds.SameAs, "SAME AS association reference set", "foundation metadata concept", 900000000000521006, Kind.Metadata),
            (SnomedIds.ReplacedBy, "REPLACED BY association reference set", "foundation metadata concept", 900000000000521006, Kind.Metadata),
            (SnomedIds.PossiblyEquivalentTo, "POSSIBLY EQUIVALENT TO association reference set", "foundation metadata concept", 900000000000521006, Kind.Metadata),
            (446609009, "Simple type reference set", "foundation metadata concept", 900000000000455006, Kind.Metadata),
            (900000000000496009, "Simple map type reference set", "foundation metadata concept", 900000000000455006, Kind.Metadata),
            (404684003, "Clinical finding", "finding", SnomedIds.Root, Kind.Finding),
            (64572001, "Disease", "disorder", 404684003, Kind.Disorder),
            (71388002, "Procedure", "procedure", SnomedIds.Root, Kind.Procedure),
            (123037004, "Body structure", "body structure", SnomedIds.Root, Kind.Anatomy),
            (91723000, "Anatomical structure", "body structure", 123037004, Kind.Anatomy),
            (39057004, "Pulmonary valve structure", "body structure", 91723000, Kind.Anatomy),
            (49755003, "Morphologically abnormal structure", "morphologic abnormality", 123037004, Kind.Morphology),
            (105590001, "Substance", "substance", SnomedIds.Root, Kind.Substance),
            (373873005, "Pharmaceutical / biologic product", "product", SnomedIds.Root, Kind.Product),
            (410607006, "Organism", "organism", SnomedIds.Root, Kind.Organism),
            (363787002, "Observable entity", "observable entity", SnomedIds.Root, Kind.Observable),
            (243796009, "Situation with explicit context", "situation", SnomedIds.Root, Kind.Situation),
            (272379006, "Event", "event", SnomedIds.Root, Kind.Event),
            (260787004, "Physical object", "physical object", SnomedIds.Root, Kind.PhysicalObject),
            (362981000, "Qualifier value", "qualifier value", SnomedIds.Root, Kind.Qualifier),
        };

        foreach (var (id, term, tag, parent, kind) in fixedConcepts)
        {
            var parents = parent == 0 ? [] : new[] { byId[parent] };
            Add(new Node
            {
                Id = id, Term = term, Tag = tag, Kind = kind, Fixed = true, Parents = parents,
                Level = parent == 0 ? 0 : nodes[byId[parent]].Level + 1,
            });
        }

        simpleRefset = AddRefsetConcept("Synthetic patient summary simple reference set", 446609009, Sctid.Create(nextConceptItem++, 0));
        mapRefset = AddRefsetConcept("Synthetic ICD-10 simple map reference set", 900000000000496009, Sctid.Create(nextConceptItem++, 0));
        norwegianSimpleRefset = AddRefsetConcept("Norsk primærhelsetjeneste enkel referansesett", 446609009,
            Sctid.Create(nextExtensionItem++, NorwegianNamespace, Sctid.ConceptPartition));
    }

    private long AddRefsetConcept(string term, long parent, long id)
    {
        Add(new Node { Id = id, Term = term, Tag = "foundation metadata concept", Kind = Kind.Metadata, Fixed = true, Parents = [byId[parent]], Level = nodes[byId[parent]].Level + 1 });
        return id;
    }

    // ---- terms -------------------------------------------------------------------------------------------------

    private (string Term, string Tag) NewTerm(Kind kind, Node parent)
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var (term, tag) = !parent.Fixed && parent.Term.Length < 42 && random.Chance(0.45) ? Refine(kind, parent) : Fresh(kind);
            term = Capitalise(term);
            if (!fsns.Contains(term + " (" + tag + ")"))
            {
                return (term, tag);
            }
        }

        var (t, g) = Fresh(kind);
        var numbered = Capitalise(t) + " type " + (1 + random.Next(999));
        while (fsns.Contains(numbered + " (" + g + ")"))
        {
            numbered += random.Next(10).ToString(CultureInfo.InvariantCulture);
        }

        return (numbered, g);
    }

    private (string, string) Refine(Kind kind, Node parent)
    {
        var p = parent.Term.ToLowerInvariant();
        return kind switch
        {
            Kind.Anatomy => ($"{random.Pick(Parts)} of {p}", parent.Tag),
            Kind.Procedure => ($"{random.Pick(ProcedureModifiers)} {p}", parent.Tag),
            Kind.Organism => ($"{parent.Term} serotype {random.Next(99) + 1}", parent.Tag),
            Kind.Substance => ($"{p}{random.Pick(Salts)}", parent.Tag),
            Kind.Product => ($"{p} {random.Pick(DoseForms)}", "clinical drug"),
            Kind.Qualifier => ($"{p} {random.Pick(Qualifiers)}", parent.Tag),
            _ => ($"{random.Pick(Modifiers)} {p}", parent.Tag),
        };
    }

    private (string, string) Fresh(Kind kind)
    {
        string Site() => random.Chance(0.4) ? $"{random.Pick(Laterality)} {random.Pick(Organs)}" : random.Pick(Organs);
        string Root() { var (r, _) = random.Pick(Roots); return r + random.Pick(DisorderSuffixes); }
        string SubstanceName() => random.Pick(SubstanceStarts) + random.Pick(SubstanceMiddles) + random.Pick(SubstanceEnds);
        switch (kind)
        {
            case Kind.Disorder:
                return (random.Next(4) switch
                {
                    0 => $"{random.Pick(Modifiers)} {Root()}",
                    1 => $"{random.Pick(Modifiers)} {random.Pick(Morphologies)} of {Site()}",
                    2 => $"{Root()} due to {random.Pick(GenusStarts)}{random.Pick(GenusEnds)} {random.Pick(Species)}",
                    _ => $"{random.Pick(Morphologies)} of {Site()} with {random.Pick(Morphologies)}",
                }, "disorder");
            case Kind.Finding:
                return (random.Chance(0.7) ? $"{random.Pick(FindingWords)} of {Site()}" : $"{random.Pick(Qualifiers)} {random.Pick(FindingWords)} in {random.Pick(Organs)}", "finding");
            case Kind.Procedure:
                return (random.Chance(0.6)
                    ? $"{random.Pick(Procedures)} of {Site()}"
                    : $"{random.Pick(ProcedureModifiers)} {random.Pick(Roots).Root}{random.Pick(ProcedureSuffixes)}", "procedure");
            case Kind.Anatomy:
                return (random.Chance(0.5) ? $"{random.Pick(Parts)} of {Site()}" : $"structure of {Site()} {random.Pick(Parts)}", "body structure");
            case Kind.Morphology:
                return ($"{random.Pick(Modifiers)} {random.Pick(Morphologies)}", "morphologic abnormality");
            case Kind.Substance:
                return (SubstanceName() + random.Pick(Salts), "substance");
            case Kind.Product:
                return random.Chance(0.4)
                    ? ($"product containing {SubstanceName()}", "medicinal product")
                    : ($"{SubstanceName()} {(random.Next(40) + 1) * 25} mg {random.Pick(DoseForms)}", "clinical drug");
            case Kind.Organism:
                return ($"{random.Pick(GenusStarts)}{random.Pick(GenusEnds)} {random.Pick(Species)}", "organism");
            case Kind.Observable:
                return ($"{random.Pick(Measures)} of {SubstanceName()} in {random.Pick(Specimens)}", "observable entity");
            case Kind.Situation:
                return (random.Next(3) switch
                {
                    0 => $"history of {Root()}",
                    1 => $"family history of {random.Pick(Morphologies)} of {Site()}",
                    _ => $"{Root()} suspected",
                }, "situation");
            case Kind.Event:
                return ($"{random.Pick(Events)} {random.Pick(Materials)} {random.Pick(Devices)}", "event");
            case Kind.PhysicalObject:
                return ($"{random.Pick(Materials)} {random.Pick(Devices)}", "physical object");
            default:
                return ($"{random.Pick(Qualifiers)} {random.Next(20) + 1}", "qualifier value");
        }
    }

    /// <summary>Acceptable synonyms: a word replaced, an adjective for the organ, a comma inversion, an acronym.</summary>
    private List<string> Variants(string term)
    {
        var words = term.ToLowerInvariant().Split(' ');
        var variants = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (Synonyms.TryGetValue(words[i], out var synonym))
            {
                variants.Add(string.Join(' ', words[..i].Append(synonym).Concat(words[(i + 1)..])));
                break;
            }
        }

        var of = Array.IndexOf(words, "of");
        if (of > 0 && of < words.Length - 1)
        {
            var site = string.Join(' ', words[(of + 1)..]);
            var before = string.Join(' ', words[..of]);
            variants.Add(Adjectives.TryGetValue(site, out var adjective) ? $"{adjective} {before}" : $"{site} {before}");
        }

        if (words.Length >= 2)
        {
            variants.Add($"{words[^1]}, {string.Join(' ', words[..^1])}");
        }

        if (words.Length >= 3 && random.Chance(0.3))
        {
            variants.Add(string.Concat(words.Where(w => w.Length > 2 && w != "of" && w != "with").Select(w => char.ToUpperInvariant(w[0]))));
        }

        return variants.Select(Capitalise).Where(v => v != term && v.Length > 1).Distinct().ToList();
    }

    // ---- files -------------------------------------------------------------------------------------------------

    private SyntheticReleaseSummary WriteFiles(string outDirectory)
    {
        var date = options.EffectiveTime.ToString(CultureInfo.InvariantCulture);
        var intRoot = Path.Combine(outDirectory, $"SnomedCT_SyntheticInternationalRF2_PRODUCTION_{date}T120000Z", "Snapshot");
        var noRoot = Path.Combine(outDirectory, $"SnomedCT_SyntheticNorwayRF2_PRODUCTION_{date}T120000Z", "Snapshot");
        foreach (var dir in new[] { "Terminology", "Refset/Language", "Refset/Content", "Refset/Map" })
        {
            Directory.CreateDirectory(Path.Combine(intRoot, dir));
            Directory.CreateDirectory(Path.Combine(noRoot, dir));
        }

        using var concepts = Open(intRoot, $"Terminology/sct2_Concept_Snapshot_INT_{date}.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId");
        using var noConcepts = Open(noRoot, $"Terminology/sct2_Concept_Snapshot_NO{NorwegianNamespace}_{date}.txt", "id\teffectiveTime\tactive\tmoduleId\tdefinitionStatusId");
        const string descriptionHeader = "id\teffectiveTime\tactive\tmoduleId\tconceptId\tlanguageCode\ttypeId\tterm\tcaseSignificanceId";
        using var descriptions = Open(intRoot, $"Terminology/sct2_Description_Snapshot-en_INT_{date}.txt", descriptionHeader);
        using var definitions = Open(intRoot, $"Terminology/sct2_TextDefinition_Snapshot-en_INT_{date}.txt", descriptionHeader);
        using var noDescriptions = Open(noRoot, $"Terminology/sct2_Description_Snapshot-nb_NO{NorwegianNamespace}_{date}.txt", descriptionHeader);
        const string relationshipHeader = "id\teffectiveTime\tactive\tmoduleId\tsourceId\tdestinationId\trelationshipGroup\ttypeId\tcharacteristicTypeId\tmodifierId";
        using var relationships = Open(intRoot, $"Terminology/sct2_Relationship_Snapshot_INT_{date}.txt", relationshipHeader);
        using var stated = Open(intRoot, $"Terminology/sct2_StatedRelationship_Snapshot_INT_{date}.txt", relationshipHeader);
        using var noRelationships = Open(noRoot, $"Terminology/sct2_Relationship_Snapshot_NO{NorwegianNamespace}_{date}.txt", relationshipHeader);
        using var concrete = Open(intRoot, $"Terminology/sct2_RelationshipConcreteValues_Snapshot_INT_{date}.txt",
            "id\teffectiveTime\tactive\tmoduleId\tsourceId\tvalue\trelationshipGroup\ttypeId\tcharacteristicTypeId\tmodifierId");
        const string languageHeader = "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId\tacceptabilityId";
        using var language = Open(intRoot, $"Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_{date}.txt", languageHeader);
        using var noLanguage = Open(noRoot, $"Refset/Language/der2_cRefset_LanguageSnapshot-nb_NO{NorwegianNamespace}_{date}.txt", languageHeader);
        using var associations = Open(intRoot, $"Refset/Content/der2_cRefset_AssociationSnapshot_INT_{date}.txt",
            "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId\ttargetComponentId");
        const string simpleHeader = "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId";
        using var simple = Open(intRoot, $"Refset/Content/der2_Refset_SimpleSnapshot_INT_{date}.txt", simpleHeader);
        using var noSimple = Open(noRoot, $"Refset/Content/der2_Refset_SimpleSnapshot_NO{NorwegianNamespace}_{date}.txt", simpleHeader);
        using var maps = Open(intRoot, $"Refset/Map/der2_sRefset_SimpleMapSnapshot_INT_{date}.txt", simpleHeader + "\tmapTarget");

        int descriptionCount = 0, norwegianCount = 0, isA = 0, activeIsA = 0, attributes = 0, concreteCount = 0, languageRows = 0;
        var inactive = 0;
        var t = date;
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var extension = node.Id == norwegianSimpleRefset;
            var module = extension ? NorwegianModule : node.Kind == Kind.Metadata ? SnomedIds.ModelComponentModule : SnomedIds.CoreModule;
            var defined = node.Kind is Kind.Disorder or Kind.Procedure && !node.Fixed && random.Chance(0.3);
            (extension ? noConcepts : concepts).Write($"{node.Id}\t{t}\t{(node.Active ? 1 : 0)}\t{module}\t{(defined ? SnomedIds.Defined : SnomedIds.Primitive)}\r\n");
            inactive += node.Active ? 0 : 1;

            // descriptions: FSN, preferred term (with a US spelling when it differs), acceptable synonyms, Norwegian
            var descriptionsOut = extension ? noDescriptions : descriptions;
            var languageOut = extension ? noLanguage : language;
            var fsn = Describe(descriptionsOut, node, module, "en", SnomedIds.Fsn, $"{node.Term} ({node.Tag})");
            descriptionCount++;
            languageRows += Accept(languageOut, fsn, module, SnomedIds.Preferred, SnomedIds.Preferred);
            var us = American(node.Term);
            var pt = Describe(descriptionsOut, node, module, "en", SnomedIds.Synonym, node.Term);
            descriptionCount++;
            if (us != node.Term)
            {
                var usPt = Describe(descriptionsOut, node, module, "en", SnomedIds.Synonym, us);
                descriptionCount++;
                languageRows += Accept(languageOut, pt, module, SnomedIds.Preferred, 0);
                languageRows += Accept(languageOut, usPt, module, 0, SnomedIds.Preferred);
            }
            else
            {
                languageRows += Accept(languageOut, pt, module, SnomedIds.Preferred, SnomedIds.Preferred);
            }

            var variants = node.Fixed ? [] : Variants(node.Term);
            var take = Math.Min(variants.Count, 2 + random.Next(2));
            for (var v = 0; v < take; v++)
            {
                var synonym = Describe(descriptionsOut, node, module, "en", SnomedIds.Synonym, variants[v]);
                descriptionCount++;
                languageRows += Accept(languageOut, synonym, module, SnomedIds.Acceptable, SnomedIds.Acceptable);
            }

            if (random.Chance(0.03))
            {
                Describe(descriptionsOut, node, module, "en", SnomedIds.Synonym, node.Term + " (old term)", active: false);
                descriptionCount++;
            }

            if (!node.Fixed && random.Chance(0.02))
            {
                Describe(definitions, node, module, "en", SnomedIds.Definition,
                    $"A {node.Tag} that is a kind of {nodes[node.Parents[0]].Term.ToLowerInvariant()}.", caseSignificance: SnomedIds.CaseSensitive);
            }

            if (!node.Fixed && node.Kind is Kind.Disorder or Kind.Finding or Kind.Procedure or Kind.Anatomy or Kind.Morphology && random.Chance(0.35))
            {
                var nb = DescribeExtension(noDescriptions, node, NorwegianTerms.Translate(node.Term));
                AcceptNorwegian(noLanguage, nb, SnomedIds.Preferred);
                norwegianCount++;
                languageRows++;
                if (variants.Count > 0 && random.Chance(0.35))
                {
                    var nbSynonym = DescribeExtension(noDescriptions, node, NorwegianTerms.Translate(variants[0]));
                    AcceptNorwegian(noLanguage, nbSynonym, SnomedIds.Acceptable);
                    norwegianCount++;
                    languageRows++;
                }
            }

            // relationships: IS-A to each parent (inactive rows for a retired concept), historical IS-A rows, attributes
            var relationshipsOut = extension ? noRelationships : relationships;
            foreach (var p in node.Parents)
            {
                Relate(relationshipsOut, node.Id, nodes[p].Id, 0, SnomedIds.IsA, module, node.Active);
                isA++;
                activeIsA += node.Active ? 1 : 0;
            }

            if (!node.Fixed)
            {
                var history = random.Next(5);
                var sameKind = ofKind[node.Kind];
                for (var h = 0; h < history; h++)
                {
                    var other = sameKind[random.Next(sameKind.Count)];
                    if (other != i)
                    {
                        Relate(relationships, node.Id, nodes[other].Id, 0, SnomedIds.IsA, module, false);
                        isA++;
                    }
                }
            }

            if (node.Active && !node.Fixed)
            {
                attributes += WriteAttributes(relationships, concrete, node, module, ref concreteCount);
            }

            // reference sets
            if (!node.Active)
            {
                var sameKind = ofKind[node.Kind];
                var target = nodes[sameKind[random.Next(sameKind.Count)]];
                if (target.Active && target.Id != node.Id)
                {
                    associations.Write($"{random.NextGuid()}\t{t}\t1\t{module}\t{(random.Chance(0.7) ? SnomedIds.ReplacedBy : SnomedIds.SameAs)}\t{node.Id}\t{target.Id}\r\n");
                }
            }
            else if (node.Kind is Kind.Disorder or Kind.Finding && !node.Fixed)
            {
                if (random.Chance(0.05))
                {
                    simple.Write($"{random.NextGuid()}\t{t}\t1\t{SnomedIds.CoreModule}\t{simpleRefset}\t{node.Id}\r\n");
                }

                if (random.Chance(0.3))
                {
                    var code = $"{(char)('A' + random.Next(26))}{random.Next(100):00}.{random.Next(10)}";
                    maps.Write($"{random.NextGuid()}\t{t}\t1\t{SnomedIds.CoreModule}\t{mapRefset}\t{node.Id}\t{code}\r\n");
                }

                if (random.Chance(0.03))
                {
                    noSimple.Write($"{random.NextGuid()}\t{t}\t1\t{NorwegianModule}\t{norwegianSimpleRefset}\t{node.Id}\r\n");
                }
            }
        }

        return new SyntheticReleaseSummary(Path.GetDirectoryName(intRoot)!, Path.GetDirectoryName(noRoot)!, nodes.Count, inactive,
            descriptionCount + norwegianCount, norwegianCount, isA, activeIsA, attributes, concreteCount, languageRows,
            nodes.Max(n => n.Level));
    }

    private int WriteAttributes(TextWriter relationships, TextWriter concrete, Node node, long module, ref int concreteCount)
    {
        var written = 0;
        int Pick(Kind kind)
        {
            var list = ofKind[kind];
            return list[random.Next(list.Count)];
        }

        void Attribute(long type, Kind kind, int group)
        {
            var target = nodes[Pick(kind)];
            if (target.Active)
            {
                Relate(relationships, node.Id, target.Id, group, type, module, true);
                written++;
            }
        }

        switch (node.Kind)
        {
            case Kind.Disorder:
                Attribute(FindingSite, Kind.Anatomy, 1);
                Attribute(AssociatedMorphology, Kind.Morphology, 1);
                if (random.Chance(0.25))
                {
                    Attribute(FindingSite, Kind.Anatomy, 2);
                    Attribute(AssociatedMorphology, Kind.Morphology, 2);
                }

                if (random.Chance(0.15))
                {
                    Attribute(CausativeAgent, random.Chance(0.6) ? Kind.Organism : Kind.Substance, 0);
                }

                break;
            case Kind.Finding when random.Chance(0.7):
                Attribute(FindingSite, Kind.Anatomy, 1);
                break;
            case Kind.Procedure:
                Attribute(Method, Kind.Qualifier, 1);
                Attribute(ProcedureSite, Kind.Anatomy, 1);
                break;
            case Kind.Product:
                Attribute(HasActiveIngredient, Kind.Substance, 1);
                concrete.Write($"{Sctid.Create(nextRelationshipItem++, Sctid.RelationshipPartition)}\t{options.EffectiveTime}\t1\t{module}\t{node.Id}\t#{1 + random.Next(3)}\t0\t{CountOfBase}\t{SnomedIds.InferredRelationship}\t{SnomedIds.ExistentialRestriction}\r\n");
                var strength = random.Chance(0.2) ? $"{random.Next(10)}.{1 + random.Next(9)}" : $"{(1 + random.Next(40)) * 25}";
                concrete.Write($"{Sctid.Create(nextRelationshipItem++, Sctid.RelationshipPartition)}\t{options.EffectiveTime}\t1\t{module}\t{node.Id}\t#{strength}\t1\t{StrengthNumerator}\t{SnomedIds.InferredRelationship}\t{SnomedIds.ExistentialRestriction}\r\n");
                concreteCount += 2;
                break;
        }

        return written;
    }

    private long Describe(TextWriter writer, Node node, long module, string language, long type, string term, bool active = true, long caseSignificance = SnomedIds.InitialCharacterCaseInsensitive)
    {
        var id = module == NorwegianModule
            ? Sctid.Create(nextExtensionItem++, NorwegianNamespace, Sctid.DescriptionPartition)
            : Sctid.Create(nextDescriptionItem++, Sctid.DescriptionPartition);
        writer.Write($"{id}\t{options.EffectiveTime}\t{(active ? 1 : 0)}\t{module}\t{node.Id}\t{language}\t{type}\t{term}\t{caseSignificance}\r\n");
        return id;
    }

    private long DescribeExtension(TextWriter writer, Node node, string term)
    {
        var id = Sctid.Create(nextExtensionItem++, NorwegianNamespace, Sctid.DescriptionPartition);
        writer.Write($"{id}\t{options.EffectiveTime}\t1\t{NorwegianModule}\t{node.Id}\tnb\t{SnomedIds.Synonym}\t{term}\t{SnomedIds.InitialCharacterCaseInsensitive}\r\n");
        return id;
    }

    /// <summary>en-GB and en-US rows (0 = not a member of that dialect); the number of rows written.</summary>
    private int Accept(TextWriter writer, long descriptionId, long module, long gb, long us)
    {
        var rows = 0;
        if (gb != 0)
        {
            writer.Write($"{random.NextGuid()}\t{options.EffectiveTime}\t1\t{module}\t{SnomedIds.GbEnglish}\t{descriptionId}\t{gb}\r\n");
            rows++;
        }

        if (us != 0)
        {
            writer.Write($"{random.NextGuid()}\t{options.EffectiveTime}\t1\t{module}\t{SnomedIds.UsEnglish}\t{descriptionId}\t{us}\r\n");
            rows++;
        }

        return rows;
    }

    private void AcceptNorwegian(TextWriter writer, long descriptionId, long acceptability) =>
        writer.Write($"{random.NextGuid()}\t{options.EffectiveTime}\t1\t{NorwegianModule}\t{SnomedIds.NorwegianBokmal}\t{descriptionId}\t{acceptability}\r\n");

    private void Relate(TextWriter writer, long source, long destination, int group, long type, long module, bool active)
    {
        var id = module == NorwegianModule
            ? Sctid.Create(nextExtensionItem++, NorwegianNamespace, Sctid.RelationshipPartition)
            : Sctid.Create(nextRelationshipItem++, Sctid.RelationshipPartition);
        writer.Write($"{id}\t{options.EffectiveTime}\t{(active ? 1 : 0)}\t{module}\t{source}\t{destination}\t{group}\t{type}\t{SnomedIds.InferredRelationship}\t{SnomedIds.ExistentialRestriction}\r\n");
    }

    private static StreamWriter Open(string root, string relative, string header)
    {
        var writer = new StreamWriter(Path.Combine(root, relative), false, new UTF8Encoding(false), 1 << 16);
        writer.Write(header + "\r\n");
        return writer;
    }
}
