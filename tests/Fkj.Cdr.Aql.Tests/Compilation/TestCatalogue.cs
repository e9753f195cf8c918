using Fkj.Cdr.Aql.Semantics;

namespace Fkj.Cdr.Aql.Tests.Compilation;

/// <summary>A path catalogue as the storage would have it after one vital-signs composition (a few of its paths).</summary>
public static class TestCatalogue
{
    public const string Composition = "[openEHR-EHR-COMPOSITION.encounter.v1]";
    public const string Bp = "/content[openEHR-EHR-OBSERVATION.blood_pressure.v2]";

    public static PathCatalogue VitalSigns { get; } = new(
    [
        Path(1, Composition + "/category", "COMPOSITION/DV_CODED_TEXT"),
        Path(2, Composition + "/context/start_time", "COMPOSITION/EVENT_CONTEXT/DV_DATE_TIME"),
        Path(3, Composition + Bp + "/data[at0001]/origin", "COMPOSITION/OBSERVATION/HISTORY/DV_DATE_TIME"),
        Path(4, Composition + Bp + "/data[at0001]/events[at0006]/time", "COMPOSITION/OBSERVATION/HISTORY/POINT_EVENT/DV_DATE_TIME"),
        Path(5, Composition + Bp + "/data[at0001]/events[at0006]/data[at0003]/items[at0004]/value", "COMPOSITION/OBSERVATION/HISTORY/POINT_EVENT/ITEM_TREE/ELEMENT/DV_QUANTITY"),
        Path(6, Composition + Bp + "/data[at0001]/events[at0006]/data[at0003]/items[at0005]/value", "COMPOSITION/OBSERVATION/HISTORY/POINT_EVENT/ITEM_TREE/ELEMENT/DV_QUANTITY"),
        Path(7, Composition + "/content[openEHR-EHR-OBSERVATION.pulse.v2]/data[at0002]/events[at0003]/data[at0001]/items[at0004]/value", "COMPOSITION/OBSERVATION/HISTORY/POINT_EVENT/ITEM_TREE/ELEMENT/DV_QUANTITY"),
        Path(8, Composition + Bp + "/protocol[at0011]/items[at0013]/value", "COMPOSITION/OBSERVATION/ITEM_TREE/ELEMENT/DV_CODED_TEXT"),
    ]);

    private static CataloguedPath Path(int id, string path, string types) =>
        CataloguedPath.Parse(id, path, types.Split('/')) ?? throw new InvalidOperationException(path);
}
