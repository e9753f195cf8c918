using System.Globalization;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Identification;

namespace Fkj.Cdr.Templates.Flat;

/// <summary>Data values, CODE_PHRASEs and parties by suffix, as the openEHR SDK's FLAT configs write them.</summary>
internal sealed partial class FlatEncoder
{
    private void WriteDataValue(FlatNode? node, DataValue value, bool parsableAsValue = false)
    {
        switch (value)
        {
            case DvCodedText coded:
                WriteCoded(coded);
                break;
            case DvText text:
                sink.Write(node is { HasOther: true } ? "other" : null, text.Value);
                if (text.Formatting is { } formatting) sink.Write("formatting", formatting);
                break;
            case DvQuantity quantity:
                sink.Write("magnitude", quantity.Magnitude);
                sink.Write("unit", quantity.Units);
                if (quantity.Precision is { } precision) sink.Write("precision", (long)precision);
                if (quantity.UnitsSystem is { } system) sink.Write("units_system", system);
                if (quantity.UnitsDisplayName is { } display) sink.Write("units_display_name", display);
                break;
            case DvCount count:
                sink.Write(null, count.Magnitude);
                break;
            case DvProportion proportion:
                sink.Write("numerator", proportion.Numerator);
                sink.Write("denominator", proportion.Denominator);
                sink.Write("type", (long)proportion.Type);
                if (proportion.Precision is { } places) sink.Write("precision", (long)places);
                if (proportion.Denominator != 0) sink.Write(null, proportion.Numerator / proportion.Denominator);
                break;
            case DvOrdinal ordinal:
                WriteSymbol(ordinal.Symbol);
                sink.Write("ordinal", (long)ordinal.Value);
                break;
            case DvScale scale:
                WriteSymbol(scale.Symbol);
                sink.Write("ordinal", scale.Value);
                break;
            case DvBoolean boolean:
                sink.Write(null, boolean.Value);
                break;
            case DvDateTime dateTime:
                sink.Write(null, dateTime.Value);
                break;
            case DvDate date:
                sink.Write(null, date.Value);
                break;
            case DvTime time:
                sink.Write(null, time.Value);
                break;
            case DvDuration duration:
                sink.Write(null, duration.Value);
                break;
            case DvIdentifier identifier:
                WriteIdentifier(identifier);
                break;
            case DvUri uri:
                sink.Write(null, uri.Value);
                break;
            case DvMultimedia multimedia:
                if (multimedia.Uri is { } link) sink.Write(null, link.Value);
                sink.Write("mediatype", multimedia.MediaType.CodeString);
                if (multimedia.AlternateText is { } alternate) sink.Write("alternatetext", alternate);
                sink.Write("size", (long)multimedia.Size);
                if (multimedia.CompressionAlgorithm is { } compression) sink.Write("compression_algorithm", compression.CodeString);
                if (multimedia.IntegrityCheck is { } check) sink.Write("integrity_check", check);
                if (multimedia.IntegrityCheckAlgorithm is { } checkAlgorithm) sink.Write("integrity_check_algorithm", checkAlgorithm.CodeString);
                if (multimedia.Data is { } data) sink.Write("data", data);
                break;
            case DvParsable parsable:
                sink.Write(parsableAsValue ? "value" : null, parsable.Value);
                sink.Write("formalism", parsable.Formalism);
                break;
            case DvState state:
                WriteCoded(state.Value);
                if (state.IsTerminal) sink.Write("is_terminal", true);
                break;
            case DvInterval interval:
                if (interval.Lower is { } lower) In("lower", () => WriteDataValue(node, lower));
                if (interval.Upper is { } upper) In("upper", () => WriteDataValue(node, upper));
                WriteIntervalFlags(interval);
                return;
        }

        WriteDataValueAttributes(node, value);
    }

    private void WriteCoded(DvCodedText coded)
    {
        sink.Write("code", coded.DefiningCode.CodeString);
        sink.Write("value", coded.Value);
        sink.Write("terminology", coded.DefiningCode.TerminologyId.Value);
        if (coded.DefiningCode.PreferredTerm is { } preferred) sink.Write("preferred_term", preferred);
        if (coded.Formatting is { } formatting) sink.Write("formatting", formatting);
    }

    /// <summary>An ordinal's or scale's symbol: code and text; the terminology only where it is not the usual local.</summary>
    private void WriteSymbol(DvCodedText symbol)
    {
        sink.Write("code", symbol.DefiningCode.CodeString);
        sink.Write("value", symbol.Value);
        if (symbol.DefiningCode.TerminologyId.Value is { } terminology && terminology != "local") sink.Write("terminology", terminology);
    }

    private void WriteIdentifier(DvIdentifier identifier)
    {
        sink.Write("id", identifier.Id);
        if (identifier.Issuer is { } issuer) sink.Write("issuer", issuer);
        if (identifier.Assigner is { } assigner) sink.Write("assigner", assigner);
        if (identifier.Type is { } type) sink.Write("type", type);
    }

    /// <summary>
    /// The interval flags that are not implied: a bound that is present is bounded and included, one that is
    /// absent unbounded with its inclusion unstated. An interval without bounds says both unbounded flags, so
    /// that it is there at all.
    /// </summary>
    private void WriteIntervalFlags(DvInterval interval)
    {
        var empty = interval.Lower is null && interval.Upper is null;
        if (empty || interval.LowerUnbounded != (interval.Lower is null)) sink.Write("lower_unbounded", interval.LowerUnbounded);
        if (empty || interval.UpperUnbounded != (interval.Upper is null)) sink.Write("upper_unbounded", interval.UpperUnbounded);
        if (interval.LowerIncluded is { } lowerIncluded && (interval.Lower is null || !lowerIncluded)) sink.Write("lower_included", lowerIncluded);
        if (interval.UpperIncluded is { } upperIncluded && (interval.Upper is null || !upperIncluded)) sink.Write("upper_included", upperIncluded);
    }

    private void WriteDataValueAttributes(FlatNode? node, DataValue value)
    {
        if (value is DvOrdered ordered)
        {
            if (ordered.NormalStatus is { } status) sink.Write("normal_status", status.CodeString);
            if (ordered.NormalRange is { } normal) In("_normal_range", () => WriteRange(node, normal));
            if (ordered.OtherReferenceRanges is { } ranges)
            {
                for (var i = 0; i < ranges.Count; i++)
                {
                    var range = ranges[i];
                    In("_other_reference_ranges", i, true, () =>
                    {
                        In("meaning", () => WriteDataValue(null, range.Meaning));
                        WriteRange(node, range.Range);
                    });
                }
            }
        }

        if (value is DvQuantified { MagnitudeStatus: { } magnitudeStatus }) sink.Write("magnitude_status", magnitudeStatus);
        if (value is DvAmount amount)
        {
            if (amount.Accuracy is { } accuracy) sink.Write("accuracy", accuracy);
            if (amount.AccuracyIsPercent is { } percent) sink.Write("accuracy_is_percent", percent);
        }

        if (value is DvTemporal { Accuracy: { } temporalAccuracy }) In("_accuracy", () => sink.Write(null, temporalAccuracy.Value));
        if (value is DvText text)
        {
            if (text.Mappings is { } mappings)
            {
                for (var i = 0; i < mappings.Count; i++)
                {
                    var mapping = mappings[i];
                    In("_mapping", i, true, () =>
                    {
                        sink.Write("match", mapping.Match.ToString());
                        In("target", () => WriteCodePhrase(mapping.Target));
                        if (mapping.Purpose is { } purpose) In("purpose", () => WriteCoded(purpose));
                    });
                }
            }

            if (text.Language is { } language) In("_language", () => WriteCodePhrase(language));
            if (text.Encoding is { } encoding) In("_encoding", () => WriteCodePhrase(encoding));
        }

        if (value is DvEncapsulated encapsulated)
        {
            if (encapsulated.Language is { } language) In("_language", () => WriteCodePhrase(language));
            if (encapsulated.Charset is { } charset) In("_charset", () => WriteCodePhrase(charset));
        }

        if (value is DvMultimedia { Thumbnail: { } thumbnail }) In("_thumbnail", () => WriteDataValue(null, thumbnail));
    }

    private void WriteRange(FlatNode? node, DvInterval range)
    {
        if (range.Lower is { } lower) In("lower", () => WriteDataValue(node, lower));
        if (range.Upper is { } upper) In("upper", () => WriteDataValue(node, upper));
        WriteIntervalFlags(range);
    }

    private void WriteCodePhrase(CodePhrase phrase)
    {
        sink.Write("code", phrase.CodeString);
        sink.Write("terminology", phrase.TerminologyId.Value);
        if (phrase.PreferredTerm is { } preferred) sink.Write("preferred_term", preferred);
    }

    /// <param name="selfHint">
    /// Whether a PARTY_SELF with an external reference is written with <c>|_type</c>: its ids would otherwise
    /// read back as a PARTY_IDENTIFIED. The composer says so with <c>ctx/composer_self</c> instead.
    /// </param>
    private void WriteParty(PartyProxy party, bool selfHint)
    {
        if (party is PartySelf && party.ExternalRef is not null && selfHint) sink.Write("_type", "PARTY_SELF");
        if (party is PartyIdentified identified)
        {
            if (identified.Name is { } name) sink.Write("name", name);
            if (identified.Identifiers is { } identifiers)
                for (var i = 0; i < identifiers.Count; i++)
                {
                    var identifier = identifiers[i];
                    In("_identifier", i, true, () => WriteIdentifier(identifier));
                }
        }

        WritePartyRef(party.ExternalRef);
        if (party is PartyRelated { Relationship: { } relationship }) In("relationship", () => WriteCoded(relationship));
    }

    private void WritePartyRef(PartyRef? reference)
    {
        if (reference is null) return;
        sink.Write("id", reference.Id.Value);
        if (reference.Namespace.Length > 0) sink.Write("id_namespace", reference.Namespace);
        if (reference.Id is GenericId { Scheme.Length: > 0 } generic) sink.Write("id_scheme", generic.Scheme);
    }

}
