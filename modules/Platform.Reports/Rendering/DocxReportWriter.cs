using System.Buffers.Binary;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Platform.Reports.Rendering;

/// <summary>
/// Writes a report as a Word document (OpenXml): title and Heading 1–3 styles (so Word's navigation pane and a table of
/// contents see the structure), body text with a two-character first-line indent, real tables with a repeated header row,
/// maps as embedded PNG pictures, A4 pages. East Asian fonts are declared (SimSun for text, SimHei and KaiTi for headings,
/// as official documents use them) with the Chinese names as alternates; 【待补】 markers are highlighted.
/// </summary>
internal static partial class DocxReportWriter
{
    private const string Latin = "Times New Roman";
    private const string Song = "SimSun";
    private const string Hei = "SimHei";
    private const string Kai = "KaiTi";
    private const long TextWidthEmu = 15L * 360_000;

    public static byte[] Write(RenderedReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            AddFonts(main);
            var body = main.Document.Body!;
            uint pictures = 0;
            foreach (var block in report.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        body.Append(Paragraph(h.Level switch { 1 => "Title", 2 => "Heading1", 3 => "Heading2", _ => "Heading3" }, h.Text));
                        break;
                    case ParagraphBlock p:
                        body.Append(Paragraph("BodyText", p.Text));
                        break;
                    case ListItemBlock l:
                        body.Append(Paragraph("BodyText", "• " + l.Text));
                        break;
                    case TableBlock t:
                        body.Append(Table(t), Paragraph("TableText", ""));
                        break;
                    case FigureBlock f:
                        body.Append(f.Png is { } png ? Picture(main, png, ++pictures, ReportBlockReader.Plain(f.Caption)) : Placeholder());
                        body.Append(Paragraph("Caption", f.Caption));
                        break;
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            doc.PackageProperties.Title = report.Title;
            doc.PackageProperties.Creator = "社区发展治理平台";
            doc.PackageProperties.Language = "zh-CN";
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string style, string text)
    {
        var p = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (var (part, bold) in ReportBlockReader.Runs(text))
        {
            var last = 0;
            foreach (Match m in Marker().Matches(part))
            {
                if (m.Index > last)
                    p.Append(Run(part[last..m.Index], bold, false));
                p.Append(Run(m.Value, bold, true));
                last = m.Index + m.Length;
            }
            if (last < part.Length)
                p.Append(Run(part[last..], bold, false));
        }
        return p;
    }

    private static Run Run(string text, bool bold, bool marker)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (marker)
            properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(TableBlock t)
    {
        var columns = Math.Max(t.Header.Count, t.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        var table = new Table(new TableProperties(
            new TableStyle { Val = "ReportTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = true }));
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
            grid.Append(new GridColumn { Width = (9000 / columns).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);
        table.Append(Row(t.Header, columns, header: true));
        foreach (var r in t.Rows)
            table.Append(Row(r, columns, header: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int columns, bool header)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < columns; i++)
        {
            var text = i < cells.Count ? cells[i] : "";
            var cell = new TableCell(Paragraph("TableText", header ? $"**{ReportBlockReader.Plain(text)}**" : text));
            if (header)
                cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" }));
            row.Append(cell);
        }
        return row;
    }

    private static Paragraph Placeholder() =>
        new(new ParagraphProperties(
                new ParagraphStyleId { Val = "Caption" },
                new ParagraphBorders(
                    new TopBorder { Val = BorderValues.Dashed, Size = 12U, Color = "C00000" },
                    new BottomBorder { Val = BorderValues.Dashed, Size = 12U, Color = "C00000" },
                    new LeftBorder { Val = BorderValues.Dashed, Size = 12U, Color = "C00000" },
                    new RightBorder { Val = BorderValues.Dashed, Size = 12U, Color = "C00000" }),
                new SpacingBetweenLines { Before = "1200", After = "1200" }),
            Run("【地图占位】", false, true));

    private static Paragraph Picture(MainDocumentPart main, byte[] png, uint id, string name)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var data = new MemoryStream(png))
            part.FeedData(data);
        var relationship = main.GetIdOfPart(part);
        var (width, height) = PngSize(png);
        var cx = TextWidthEmu;
        var cy = width == 0 ? cx * 3 / 4 : cx * height / width;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Map {id}", Description = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"map{id}.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()), new Run(new Drawing(inline)));
    }

    // Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian).
    private static (long Width, long Height) PngSize(byte[] png) =>
        png.Length >= 24 ? (BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20, 4))) : (0, 0);

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Latin, HighAnsi = Latin, ComplexScript = Latin, EastAsia = Song },
                new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(
            Style("Normal", "Normal", null, isDefault: true),
            Style("BodyText", "Body Text", new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "480" }, new Justification { Val = JustificationValues.Both })),
            Style("Title", "Title", new ParagraphProperties(new SpacingBetweenLines { Before = "240", After = "480" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new RunFonts { EastAsia = Hei, Ascii = Latin, HighAnsi = Latin }, new Bold(), new FontSize { Val = "36" })),
            Heading("Heading1", "heading 1", 0, Hei, "32"),
            Heading("Heading2", "heading 2", 1, Kai, "30"),
            Heading("Heading3", "heading 3", 2, Song, "28"),
            Style("Caption", "caption", new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "240" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "21" })),
            Style("TableText", "Table Text", new ParagraphProperties(new SpacingBetweenLines { Line = "280", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "21" })),
            new Style(
                new StyleName { Val = "Report Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                        new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" }),
                    new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "ReportTable" });
        part.Styles = styles;
    }

    private static Style Heading(string id, string name, int outline, string eastAsia, string halfPoints) =>
        Style(id, name,
            new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = outline }),
            new StyleRunProperties(new RunFonts { EastAsia = eastAsia, Ascii = Latin, HighAnsi = Latin }, new Bold(), new FontSize { Val = halfPoints }));

    private static Style Style(string id, string name, ParagraphProperties? paragraph, StyleRunProperties? run = null, bool isDefault = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
            style.Default = true;
        else
            style.Append(new BasedOn { Val = "Normal" });
        if (id.StartsWith("Heading", StringComparison.Ordinal))
            style.Append(new NextParagraphStyle { Val = "BodyText" });
        style.Append(new PrimaryStyle());
        if (paragraph is not null)
            style.Append(new StyleParagraphProperties(paragraph.ChildElements.Select(c => c.CloneNode(true))));
        if (run is not null)
            style.Append(run);
        return style;
    }

    private static void AddFonts(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            Font(Song, "宋体", FontFamilyValues.Roman),
            Font(Hei, "黑体", FontFamilyValues.Modern),
            Font(Kai, "楷体", FontFamilyValues.Roman),
            new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }) { Name = Latin });
    }

    private static Font Font(string name, string chinese, FontFamilyValues family) =>
        new(new AltName { Val = chinese }, new FontCharSet { Val = "86" }, new FontFamily { Val = family }, new NotTrueType { Val = false })
        {
            Name = name,
        };

    [GeneratedRegex("【待补：[^】]*】")]
    private static partial Regex Marker();
}
