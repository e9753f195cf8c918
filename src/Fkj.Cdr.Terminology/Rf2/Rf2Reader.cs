namespace Fkj.Cdr.Terminology.Rf2;

/// <summary>
/// Streams the rows of one RF2 file: UTF-8, tab-separated, one header line, CRLF or LF line ends. Lines that
/// start with <c>#</c> (comments some test releases carry) and empty lines are skipped.
/// </summary>
public static class Rf2Reader
{
    public static IEnumerable<Rf2Concept> Concepts(Rf2File file)
    {
        foreach (var row in Rows(file, 5))
        {
            yield return new Rf2Concept(row.Id(0), row.Int(1), row.Active(2), row.Id(3), row.Id(4));
        }
    }

    public static IEnumerable<Rf2Description> Descriptions(Rf2File file)
    {
        foreach (var row in Rows(file, 9))
        {
            yield return new Rf2Description(row.Id(0), row.Int(1), row.Active(2), row.Id(3), row.Id(4), row.Text(5),
                row.Id(6), row.Text(7), row.Id(8));
        }
    }

    public static IEnumerable<Rf2Relationship> Relationships(Rf2File file)
    {
        foreach (var row in Rows(file, 10))
        {
            yield return new Rf2Relationship(row.Id(0), row.Int(1), row.Active(2), row.Id(3), row.Id(4), row.Id(5),
                row.Int(6), row.Id(7), row.Id(8), row.Id(9));
        }
    }

    public static IEnumerable<Rf2ConcreteValue> ConcreteValues(Rf2File file)
    {
        foreach (var row in Rows(file, 10))
        {
            yield return new Rf2ConcreteValue(row.Id(0), row.Int(1), row.Active(2), row.Id(3), row.Id(4), row.Text(5),
                row.Int(6), row.Id(7), row.Id(8));
        }
    }

    public static IEnumerable<Rf2RefsetMember> RefsetMembers(Rf2File file)
    {
        var width = file.Columns.Count;
        foreach (var row in Rows(file, width))
        {
            var fields = new string[width - 6];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row.Text(6 + i);
            }

            yield return new Rf2RefsetMember(row.Text(0), row.Int(1), row.Active(2), row.Id(3), row.Id(4), row.Id(5), fields, file);
        }
    }

    private static IEnumerable<Row> Rows(Rf2File file, int width)
    {
        if (width < 6 && file.IsRefset)
        {
            throw new Rf2FormatException(file.Location, 1, "a reference set needs at least six columns");
        }

        using var reader = new StreamReader(file.Open(), System.Text.Encoding.UTF8, true, 1 << 16);
        var starts = new int[width + 1];
        long number = 0;
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || (line.Length == 1 && line[0] == '\r'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var end = line.Length > 0 && line[^1] == '\r' ? line.Length - 1 : line.Length;
            var field = 0;
            starts[0] = 0;
            for (var i = 0; i < end; i++)
            {
                if (line[i] == '\t')
                {
                    if (++field >= width)
                    {
                        break;
                    }

                    starts[field] = i + 1;
                }
            }

            if (field != width - 1)
            {
                throw new Rf2FormatException(file.Location, number, $"{field + 1} columns where {width} were expected");
            }

            starts[width] = end + 1;
            yield return new Row(line, starts, file.Location, number);
        }
    }

    /// <summary>One line and where its fields start; valid until the next line is read.</summary>
    private readonly struct Row(string line, int[] starts, string file, long number)
    {
        private ReadOnlySpan<char> Span(int i) => line.AsSpan(starts[i], starts[i + 1] - starts[i] - 1);

        public string Text(int i) => Span(i).ToString();

        public long Id(int i) =>
            long.TryParse(Span(i), System.Globalization.NumberStyles.None, null, out var v)
                ? v
                : throw new Rf2FormatException(file, number, $"column {i + 1} is not an identifier: '{Span(i)}'");

        public int Int(int i) =>
            int.TryParse(Span(i), System.Globalization.NumberStyles.None, null, out var v)
                ? v
                : throw new Rf2FormatException(file, number, $"column {i + 1} is not a number: '{Span(i)}'");

        public bool Active(int i) => Span(i) switch
        {
            "1" => true,
            "0" => false,
            var s => throw new Rf2FormatException(file, number, $"active must be 0 or 1, not '{s}'"),
        };
    }
}
