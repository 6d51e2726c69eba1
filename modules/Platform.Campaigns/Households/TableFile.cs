using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Campaigns.Households;

/// <summary>The rows of an uploaded table (CSV in UTF-8, or the first sheet of an XLSX workbook), each with its line number.</summary>
internal static class TableFile
{
    public sealed record Row(int Line, IReadOnlyList<string> Cells);

    public const int MaxRows = 20_000;

    /// <summary>CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes); the line is where the row starts.</summary>
    public static List<Row> Csv(string text)
    {
        var rows = new List<Row>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, any = false;
        int line = 1, start = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (i == 0 && ch == '\uFEFF')
                continue;
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                    quoted = false;
                else
                {
                    if (ch == '\n')
                        line++;
                    cell.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    line++;
                    start = line;
                    break;
                default:
                    cell.Append(ch);
                    any = true;
                    break;
            }
        }
        End();
        return rows;

        void End()
        {
            if (any || cell.Length > 0)
            {
                cells.Add(cell.ToString());
                rows.Add(new Row(start, [.. cells]));
            }
            cells.Clear();
            cell.Clear();
            any = false;
        }
    }

    /// <summary>The first worksheet of an XLSX workbook; the line is the sheet's row number.</summary>
    public static List<Row> Xlsx(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var rows = new List<Row>();
        foreach (var row in part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>())
        {
            var cells = new List<string>();
            foreach (var c in row.Elements<Cell>())
            {
                var column = ColumnOf(c.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                    cells.Add("");
                var value = c.DataType?.Value == CellValues.SharedString && int.TryParse(c.CellValue?.Text, out var n) && n >= 0 && n < shared.Count ? shared[n]
                    : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? ""
                    : c.CellValue?.Text ?? "";
                cells.Add(value);
            }
            if (cells.Any(x => x.Length > 0))
                rows.Add(new Row((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
            if (rows.Count > MaxRows + 1)
                break;
        }
        return rows;
    }

    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsLetter))
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n == 0 ? null : n - 1;
    }

    /// <summary>A one-sheet workbook of <paramref name="rows"/> (text cells), for the exports.</summary>
    public static byte[] WriteXlsx(string sheetName, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = (uint)(r + 1) };
                foreach (var value in rows[r])
                    row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }
        return output.ToArray();
    }

    /// <summary>CSV of <paramref name="rows"/> in UTF-8 with a byte-order mark (so that Excel reads the Chinese text).</summary>
    public static byte[] WriteCsv(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.Append(string.Join(',', row.Select(v => v.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (v.Length > 0 && "=+-@".Contains(v[0])) ? "\"" + (v.Length > 0 && "=+-@".Contains(v[0]) ? "'" : "") + v.Replace("\"", "\"\"") + "\"" : v))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
