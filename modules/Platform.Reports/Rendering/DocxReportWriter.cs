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
/// Writes a report as a Word document (OpenXml) laid out as a government document after GB/T 9704-2012: A4 with the
/// standard type area (156 mm × 225 mm: top margin 37 mm, left 28 mm, right 26 mm, bottom 35 mm), body text in 仿宋 三号
/// (16 pt) on a fixed line pitch of 22 lines a page with a two-character first-line indent, the title in 小标宋 二号,
/// headings in 黑体 / 楷体 / 仿宋 bold 三号 (Heading 1–3 styles, so Word's navigation pane and a table of contents see the
/// structure), page numbers "— 1 —" in 宋体 四号 outside (odd pages right, even pages left, one character in), the 落款
/// (office over the date, the date four characters from the right), real tables with a repeated header row and column
/// widths after their content, maps as embedded PNG pictures. Fonts are declared with their Chinese names as alternates
/// and the East Asian language as zh-CN (so LibreOffice and Word pick Chinese, not Japanese, glyphs); 【待补】 markers are
/// highlighted.
/// </summary>
internal static partial class DocxReportWriter
{
    private const string Latin = "Times New Roman";
    private const string Song = "SimSun";
    private const string Fang = "FangSong";
    private const string Hei = "SimHei";
    private const string Kai = "KaiTi";
    private const string XiaoBiaoSong = "FZXiaoBiaoSong-B05S";

    /// <summary>Millimetres in twentieths of a point (Word's unit): 1 mm = 1440 / 25.4.</summary>
    private static uint Mm(double mm) => (uint)Math.Round(mm * 1440 / 25.4);

    // GB/T 9704-2012 5.2.1: A4 (210 × 297 mm), type area 156 × 225 mm, 天头 37 mm, 订口 28 mm.
    private static readonly uint TopMargin = Mm(37), BottomMargin = Mm(297 - 37 - 225), LeftMargin = Mm(28), RightMargin = Mm(210 - 28 - 156);

    /// <summary>The type area's width in twips (156 mm).</summary>
    private static readonly int TextWidth = (int)Mm(156);

    /// <summary>22 lines on 225 mm: the line pitch in twips.</summary>
    private static readonly int LinePitch = (int)Math.Round(Mm(225) / 22.0);

    private const long TextWidthEmu = 156L * 36_000;

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
                    case SignatureBlock sig:
                        body.Append(Signature(sig));
                        break;
                    case FigureBlock f:
                        body.Append(f.Png is { } png ? Picture(main, png, ++pictures, ReportBlockReader.Plain(f.Caption)) : Placeholder());
                        body.Append(Paragraph("Caption", f.Caption));
                        break;
                }
            }
            var (odd, even) = AddPageNumbers(main);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = odd },
                new FooterReference { Type = HeaderFooterValues.Even, Id = even },
                new PageSize { Width = 11906U, Height = 16838U },
                // The page number sits 7 mm below the type area (GB/T 9704-2012 7.5): its line ends about 23 mm above the edge.
                new PageMargin { Top = (int)TopMargin, Bottom = (int)BottomMargin, Left = LeftMargin, Right = RightMargin, Header = Mm(15), Footer = Mm(22), Gutter = 0U },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders(), new ThemeFontLanguages { EastAsia = "zh-CN", Val = "en-US" });
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
        foreach (var width in ColumnWidths(t, columns))
            grid.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        table.Append(grid);
        table.Append(Row(t.Header, columns, header: true));
        foreach (var r in t.Rows)
            table.Append(Row(r, columns, header: false));
        return table;
    }

    /// <summary>
    /// Column widths (twips) summing to the type area's width, each after the widest text of its column (a CJK character
    /// counts two, others one; capped at a full line, 56, so one long cell does not starve the rest), at least two characters.
    /// </summary>
    internal static int[] ColumnWidths(TableBlock t, int columns)
    {
        var demand = new double[columns];
        foreach (var row in t.Rows.Prepend(t.Header))
            for (var i = 0; i < Math.Min(columns, row.Count); i++)
                demand[i] = Math.Max(demand[i], Math.Min(56, DisplayWidth(ReportBlockReader.Plain(row[i]))));
        for (var i = 0; i < columns; i++)
            demand[i] = Math.Max(demand[i], 4);
        var total = demand.Sum();
        var widths = demand.Select(d => (int)Math.Floor(TextWidth * d / total)).ToArray();
        widths[^1] += TextWidth - widths.Sum();
        return widths;
    }

    /// <summary>How wide a text is in half-width units: CJK and full-width characters count two.</summary>
    internal static double DisplayWidth(string text) => text.Sum(c => c >= 0x2E80 || c is >= '\uFF00' and <= '\uFFEF' ? 2 : 1);

    /// <summary>
    /// The 落款: the office centred over the date, the date four characters in from the right (GB/T 9704-2012 7.3.5.2),
    /// a blank line above.
    /// </summary>
    private static IEnumerable<Paragraph> Signature(SignatureBlock sig)
    {
        var dateChars = DisplayWidth(sig.Date) / 2;
        var officeChars = DisplayWidth(sig.Office) / 2;
        var officeRight = Math.Max(0, 4 + (dateChars - officeChars) / 2);
        Paragraph Line(string text, double rightChars) => new(
            new ParagraphProperties(new ParagraphStyleId { Val = "Signature" }, new Indentation { RightChars = (int)Math.Round(rightChars * 100) }),
            Run(text, false, false));
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "BodyText" }));
        yield return Line(sig.Office, officeRight);
        yield return Line(sig.Date, 4);
    }

    /// <summary>Footers of odd and even pages: "— n —" in 宋体 四号, one character in from the outer edge.</summary>
    private static (string Odd, string Even) AddPageNumbers(MainDocumentPart main)
    {
        string Footer(JustificationValues side, Indentation indent)
        {
            var part = main.AddNewPart<FooterPart>();
            RunProperties Font() => new(new RunFonts { Ascii = Song, HighAnsi = Song, EastAsia = Song }, new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" });
            part.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = side }, indent),
                new Run(Font(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(Font(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(Font(), new Text("1")),
                new Run(Font(), new FieldChar { FieldCharType = FieldCharValues.End }),
                new Run(Font(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
            return main.GetIdOfPart(part);
        }
        return (Footer(JustificationValues.Right, new Indentation { RightChars = 100 }), Footer(JustificationValues.Left, new Indentation { LeftChars = 100 }));
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
                new RunFonts { Ascii = Latin, HighAnsi = Latin, ComplexScript = Latin, EastAsia = Fang },
                new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines
            {
                After = "0", Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact,
            }))));
        styles.Append(
            Style("Normal", "Normal", null, isDefault: true),
            Style("BodyText", "Body Text", new ParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "640" }, new Justification { Val = JustificationValues.Both })),
            // 二号 小标宋, centred, on lines of its own pitch; a blank line after (GB/T 9704-2012 7.3.1).
            Style("Title", "Title", new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Line = "700", LineRule = LineSpacingRuleValues.Exact }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new RunFonts { EastAsia = XiaoBiaoSong, Ascii = Latin, HighAnsi = Latin }, new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })),
            // 一级 黑体, 二级 楷体, 三级 仿宋 bold, all 三号 (7.3.3), indented two characters like the text.
            Heading("Heading1", "heading 1", 0, Hei, bold: false),
            Heading("Heading2", "heading 2", 1, Kai, bold: false),
            Heading("Heading3", "heading 3", 2, Fang, bold: true),
            Style("Signature", "Signature", new ParagraphProperties(new Justification { Val = JustificationValues.Right })),
            Style("Footer", "footer", null, new StyleRunProperties(new RunFonts { EastAsia = Song, Ascii = Song, HighAnsi = Song }, new FontSize { Val = "28" })),
            Style("Caption", "caption", new ParagraphProperties(new SpacingBetweenLines { Line = "400", LineRule = LineSpacingRuleValues.AtLeast }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
            Style("TableText", "Table Text", new ParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.AtLeast }),
                new StyleRunProperties(new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
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

    private static Style Heading(string id, string name, int outline, string eastAsia, bool bold)
    {
        var run = new StyleRunProperties(new RunFonts { EastAsia = eastAsia, Ascii = Latin, HighAnsi = Latin });
        if (bold)
            run.Append(new Bold());
        run.Append(new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" });
        return Style(id, name,
            new ParagraphProperties(new KeepNext(), new Indentation { FirstLineChars = 200, FirstLine = "640" }, new OutlineLevel { Val = outline }),
            run);
    }

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
            Font(Fang, "仿宋", FontFamilyValues.Modern),
            Font(XiaoBiaoSong, "方正小标宋简体", FontFamilyValues.Script),
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
