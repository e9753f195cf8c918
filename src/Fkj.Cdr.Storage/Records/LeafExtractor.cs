using System.Collections;
using System.Text;
using Fkj.Cdr.Rm.Common;
using Fkj.Cdr.Rm.DataTypes;
using Fkj.Cdr.Rm.Meta;

namespace Fkj.Cdr.Storage.Records;

/// <summary>
/// Walks an RM tree (a COMPOSITION, an EHR_STATUS) and lists its leaf data values with their paths and
/// ancestors. The walk goes through LOCATABLE nodes and the PATHABLE parts between them (EVENT_CONTEXT,
/// ISM_TRANSITION, INSTRUCTION_DETAILS); it stops at each DATA_VALUE (a DV_INTERVAL gives its lower and upper).
/// It leaves out what is not clinical content a query filters on: LOCATABLE names, uids, links, archetype
/// details and feeder audits, parties (composer, subject, performers), code phrases such as language, and the
/// insides of data values (mappings, normal ranges).
/// </summary>
internal sealed class LeafExtractor
{
    private static readonly RmType DataValueType = RmModel.Of<DataValue>();
    private static readonly RmType LocatableType = RmModel.Of<Locatable>();
    private static readonly RmType PathableType = RmModel.Of<Pathable>();

    private readonly List<LeafRow> _rows = [];
    private readonly List<short> _ancestors = [];
    private readonly StringBuilder _path = new(256);
    private readonly List<string> _types = [];
    private readonly Dictionary<(string, string), LeafPath> _paths = [];
    private int _preorder;

    public static IReadOnlyList<LeafRow> Extract(Locatable root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var extractor = new LeafExtractor();
        extractor._path.Append('[').Append(root.ArchetypeNodeId).Append(']');
        extractor._types.Add(root.RmType.Name);
        extractor.WalkLocatable(root);
        return extractor._rows;
    }

    private void WalkLocatable(Locatable node)
    {
        if (_preorder > short.MaxValue)
        {
            throw new InvalidOperationException($"The document has more than {short.MaxValue + 1} LOCATABLE nodes, more than the query index numbers.");
        }
        _ancestors.Add((short)_preorder++);
        WalkAttributes(node, isLocatable: true);
        _ancestors.RemoveAt(_ancestors.Count - 1);
    }

    private void WalkAttributes(RmObject node, bool isLocatable)
    {
        foreach (var attribute in node.RmType.AttributeSpan)
        {
            if (isLocatable && ReferenceEquals(attribute.DeclaringType, LocatableType))
            {
                continue; // name, uid, links, archetype_details, feeder_audit, archetype_node_id
            }
            switch (attribute.Kind)
            {
                case RmAttributeKind.Object:
                    if (attribute.GetObject!(node) is { } value)
                    {
                        WalkValue(attribute.Name, value);
                    }
                    break;
                case RmAttributeKind.List:
                    if (attribute.GetList!(node) is IList { Count: > 0 } items)
                    {
                        foreach (var item in items)
                        {
                            if (item is RmObject child)
                            {
                                WalkValue(attribute.Name, child);
                            }
                        }
                    }
                    break;
            }
        }
    }

    private void WalkValue(string attribute, RmObject value)
    {
        var type = value.RmType;
        if (value is not Locatable && value is not DataValue && !type.IsSubtypeOf(PathableType))
        {
            return; // parties, ids, code phrases, participations, ...
        }
        var pathLength = _path.Length;
        _path.Append('/').Append(attribute);
        if (value is Locatable locatable)
        {
            _path.Append('[').Append(locatable.ArchetypeNodeId).Append(']');
        }
        _types.Add(type.Name);
        try
        {
            switch (value)
            {
                case Locatable child:
                    WalkLocatable(child);
                    break;
                case DvInterval interval:
                    if (interval.Lower is { } lower) WalkValue("lower", lower);
                    if (interval.Upper is { } upper) WalkValue("upper", upper);
                    break;
                case DataValue dataValue:
                    Emit(dataValue);
                    break;
                default:
                    WalkAttributes(value, isLocatable: false);
                    break;
            }
        }
        finally
        {
            _path.Length = pathLength;
            _types.RemoveAt(_types.Count - 1);
        }
    }

    private void Emit(DataValue value)
    {
        double? num = null;
        string? text = null;
        string? term = null;
        switch (value)
        {
            case DvCodedText coded:
                text = coded.DefiningCode.CodeString;
                term = coded.DefiningCode.TerminologyId?.Value;
                break;
            case DvText plain:
                text = plain.Value;
                break;
            case DvQuantity quantity:
                num = quantity.Magnitude;
                term = quantity.Units;
                break;
            case DvCount count:
                num = count.Magnitude;
                break;
            case DvProportion proportion:
                num = proportion.Numerator;
                break;
            case DvOrdinal ordinal:
                num = ordinal.Value;
                text = ordinal.Symbol?.DefiningCode.CodeString;
                term = ordinal.Symbol?.DefiningCode.TerminologyId?.Value;
                break;
            case DvScale scale:
                num = scale.Value;
                text = scale.Symbol?.DefiningCode.CodeString;
                term = scale.Symbol?.DefiningCode.TerminologyId?.Value;
                break;
            case DvBoolean boolean:
                num = boolean.Value ? 1 : 0;
                break;
            case DvDateTime dateTime:
                num = TemporalText.EpochSeconds(dateTime.Value);
                break;
            case DvDate date:
                num = TemporalText.EpochSeconds(date.Value);
                break;
            case DvTime time:
                num = TemporalText.SecondsOfDay(time.Value);
                break;
            case DvDuration duration:
                text = duration.Value;
                num = TemporalText.DurationSeconds(duration.Value);
                break;
            case DvIdentifier identifier:
                text = identifier.Id;
                break;
            case DvUri uri:
                text = uri.Value;
                break;
            case DvState state:
                text = state.Value?.DefiningCode.CodeString;
                term = state.Value?.DefiningCode.TerminologyId?.Value;
                break;
            case DvParsable parsable:
                text = parsable.Value;
                term = parsable.Formalism;
                break;
            case DvMultimedia multimedia:
                text = multimedia.Uri?.Value;
                term = multimedia.MediaType?.CodeString;
                break;
            case DvTimeSpecification specification:
                text = specification.Value?.Value;
                term = specification.Value?.Formalism;
                break;
        }
        if (num is null && text is null)
        {
            return;
        }
        if (num is { } n && (double.IsNaN(n) || double.IsInfinity(n)))
        {
            num = null;
        }
        if (text is { Length: > LeafIndex.MaxText })
        {
            text = text[..LeafIndex.MaxText];
        }
        _rows.Add(new LeafRow(CurrentPath(), Ancestors(), num, text, term));
    }

    /// <summary>The pre-order numbers of the LOCATABLEs above the value, below the root, as big-endian 16-bit numbers.</summary>
    private byte[] Ancestors()
    {
        var bytes = new byte[(_ancestors.Count - 1) * 2];
        for (var i = 1; i < _ancestors.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan((i - 1) * 2), _ancestors[i]);
        }
        return bytes;
    }

    private LeafPath CurrentPath()
    {
        var path = _path.ToString();
        var types = string.Join('/', _types);
        if (!_paths.TryGetValue((path, types), out var leafPath))
        {
            _paths[(path, types)] = leafPath = new LeafPath(path, types);
        }
        return leafPath;
    }
}
