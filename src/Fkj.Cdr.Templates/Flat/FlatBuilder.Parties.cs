using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>
/// Parties and participations. Which PARTY_PROXY a party is follows from its keys, as in the SDK: a
/// <c>relationship</c> makes a PARTY_RELATED, a <c>|name</c>, <c>|id</c> or <c>_identifier</c> a
/// PARTY_IDENTIFIED, nothing of those a PARTY_SELF; <c>|_type</c> may say it outright.
/// </summary>
internal sealed partial class FlatBuilder
{
    private PartyProxy? ReadParty(FlatBag bag, bool allowSelf, bool hasRelationship)
    {
        var typeValue = bag.Take("_type");
        var type = Text(typeValue);
        var relationship = hasRelationship ? bag.Branch("relationship") : null;
        var named = bag.Has("name") || bag.Has("id") || bag.HasBranch("_identifier") || bag.HasBranch("name") || bag.HasBranch("_name");
        type ??= relationship is not null ? "PARTY_RELATED" : named || !allowSelf ? "PARTY_IDENTIFIED" : "PARTY_SELF";
        PartyProxy party;
        switch (type)
        {
            case "PARTY_SELF" when allowSelf:
                party = new PartySelf();
                break;
            case "PARTY_IDENTIFIED":
                party = new PartyIdentified();
                break;
            case "PARTY_RELATED" when hasRelationship:
                party = new PartyRelated();
                break;
            default:
                Problem(FlatErrorCodes.InvalidValue, $"a {type} is not allowed at '{bag.Path}'", typeValue ?? bag.FirstValue());
                return null;
        }

        if (party is PartyIdentified identified)
        {
            identified.Name = Text(bag.Take("name"))
                              ?? (bag.Branch("name") is { } nameBranch ? Text(TakeFirst(nameBranch, null, "value")) : null)
                              ?? (bag.Branch("_name") is { } underscored ? Text(TakeFirst(underscored, null, "value")) : null);
            foreach (var identifier in bag.BranchesNamed("_identifier"))
                if (ReadIdentifier(identifier) is { } id) (identified.Identifiers ??= []).Add(id);
        }

        party.ExternalRef = ReadPartyRef(bag, "id", "id_namespace", "id_scheme");
        if (party is PartyRelated related)
        {
            var coded = ReadCoded(null, relationship!, "openehr", FlatOpenEhrTerms.SubjectRelationship);
            if (coded is not null) related.Relationship = coded;
        }

        return party;
    }

    /// <summary>
    /// A PARTY_REF from an id and its namespace and scheme; where those two are not given, <c>ctx/id_namespace</c>
    /// and <c>ctx/id_scheme</c> fill them in (as the SDK does). Namespace and scheme without an id are ignored.
    /// </summary>
    private PartyRef? ReadPartyRef(FlatBag bag, string idSuffix, string namespaceSuffix, string schemeSuffix)
    {
        var id = Text(bag.Take(idSuffix));
        var ns = Text(bag.Take(namespaceSuffix));
        var scheme = Text(bag.Take(schemeSuffix));
        if (id is null) return null;
        return PartyRef(id, ns, scheme);
    }

    private PartyRef PartyRef(string id, string? ns, string? scheme) => new()
    {
        Type = "PARTY",
        Namespace = ns ?? Text(context.Take("id_namespace")) ?? "",
        Id = new GenericId { Value = id, Scheme = scheme ?? Text(context.Take("id_scheme")) ?? "" },
    };

    /// <summary>
    /// A participation (<c>_participation:N</c>, <c>_other_participation:N</c>, <c>ctx/participation_*</c>):
    /// <c>|function</c>, <c>|mode</c> (an openEHR participation mode by code or text), and the performer from
    /// <c>|name</c>, <c>|id</c>, <c>|id_namespace</c>, <c>|id_scheme</c>, identifiers (<c>/_identifier:N</c>,
    /// <c>|identifiers_id:N</c> …, or ctx's compact <c>issuer::assigner::id::type;…</c>) and <c>/relationship</c>.
    /// </summary>
    private Participation? ReadParticipation(FlatBag bag)
    {
        var functionValue = Required(bag, bag.Take("function"), "function", "the participant's function");
        var modeValue = bag.Take("mode");
        DvCodedText? mode = null;
        if (Text(modeValue) is { } modeText)
        {
            if (FlatOpenEhrTerms.Find(FlatOpenEhrTerms.ParticipationMode, modeText) is { } term) mode = FlatOpenEhrTerms.Coded(term.Code, term.Rubric);
            else Problem(FlatErrorCodes.InvalidValue, $"'{modeText}' is not an openEHR participation mode (e.g. 'face-to-face communication', 'not specified', 'telephone')", modeValue);
        }

        var identifiers = ParticipationIdentifiers(bag);
        var relationship = bag.Branch("relationship");
        var type = Text(bag.Take("_type"));
        PartyProxy performer = type == "PARTY_SELF" ? new PartySelf()
            : relationship is not null ? new PartyRelated()
            : bag.Has("name") || bag.Has("id") || identifiers.Count > 0 ? new PartyIdentified()
            : new PartySelf();
        if (performer is PartyIdentified identified)
        {
            identified.Name = Text(bag.Take("name"));
            if (identifiers.Count > 0) identified.Identifiers = identifiers;
        }

        if (performer is PartyRelated related && ReadCoded(null, relationship!, "openehr", FlatOpenEhrTerms.SubjectRelationship) is { } coded)
            related.Relationship = coded;
        performer.ExternalRef = ReadPartyRef(bag, "id", "id_namespace", "id_scheme");
        if (Text(functionValue) is not { } function) return null;
        return new Participation { Function = new DvText { Value = function }, Mode = mode, Performer = performer };
    }

    private List<DvIdentifier> ParticipationIdentifiers(FlatBag bag)
    {
        var identifiers = new List<DvIdentifier>();
        foreach (var branch in bag.BranchesNamed("_identifier"))
            if (ReadIdentifier(branch) is { } id) identifiers.Add(id);

        var byIndex = new SortedDictionary<int, DvIdentifier>();
        foreach (var attribute in bag.Attributes)
        {
            if (attribute.Suffix is not { } suffix || !suffix.StartsWith("identifiers_", StringComparison.Ordinal)) continue;
            var field = suffix["identifiers_".Length..];
            if (field == "compact")
            {
                attribute.Value.Consumed = true;
                foreach (var part in (Text(attribute.Value) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pieces = part.Split("::");
                    if (pieces.Length != 4)
                    {
                        Problem(FlatErrorCodes.InvalidValue, $"'{part}' is not 'issuer::assigner::id::type'", attribute.Value);
                        continue;
                    }

                    identifiers.Add(new DvIdentifier { Issuer = pieces[0], Assigner = pieces[1], Id = pieces[2], Type = pieces[3] });
                }

                continue;
            }

            var colon = field.IndexOf(':');
            var name = colon < 0 ? field : field[..colon];
            if (!FlatInput.ParseSegment(field, out _, out var index, out _) || name is not ("id" or "issuer" or "assigner" or "type")) continue;
            attribute.Value.Consumed = true;
            if (!byIndex.TryGetValue(index, out var identifier)) byIndex[index] = identifier = new DvIdentifier();
            var text = Text(attribute.Value);
            switch (name)
            {
                case "id":
                    identifier.Id = text ?? "";
                    break;
                case "issuer":
                    identifier.Issuer = text;
                    break;
                case "assigner":
                    identifier.Assigner = text;
                    break;
                default:
                    identifier.Type = text;
                    break;
            }
        }

        identifiers.AddRange(byIndex.Values);
        return identifiers;
    }
}
