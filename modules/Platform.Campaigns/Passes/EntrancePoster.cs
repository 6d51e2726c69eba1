using QRCoder;
using SkiaSharp;

namespace Platform.Campaigns.Passes;

/// <summary>
/// The printable A4 poster of an entrance: the compound's name, the entrance, the QR code of its scan page, the two pass
/// categories in their colours and the instructions in Chinese. Drawn once in millimetres onto a PNG (150 dpi) or a PDF page.
/// </summary>
/// <remarks>
/// The QR modules are drawn as filled squares on the page rather than pasted as a bitmap, so the PDF stays sharp at any
/// print size. The CJK face is found by name (a Noto/Source Han collection holds JP/KR/TC faces whose glyphs differ).
/// </remarks>
internal static class EntrancePoster
{
    private const float WidthMm = 210, HeightMm = 297;
    private const int PngDpi = 150;

    private static readonly string[] Families = ["Noto Sans CJK SC", "Source Han Sans SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"];

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(() =>
    {
        var manager = SKFontManager.Default;
        var regular = Families.Select(f => manager.MatchFamily(f, SKFontStyle.Normal)).FirstOrDefault(t => t is not null && Families.Contains(t.FamilyName))
            ?? manager.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN"], '中') ?? SKTypeface.Default;
        var bold = manager.MatchFamily(regular.FamilyName, SKFontStyle.Bold) ?? regular;
        return (regular, bold);
    });

    /// <summary>What the poster says.</summary>
    public sealed record Content(string CompoundName, string EntranceName, string Url, string CodeLabel, IReadOnlyList<PassCategory> Categories, int RetentionDays, string Street);

    public static byte[] Png(Content content)
    {
        var scale = PngDpi / 25.4f;
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Round(WidthMm * scale), (int)Math.Round(HeightMm * scale), SKColorType.Rgba8888, SKAlphaType.Premul));
        Draw(surface.Canvas, scale, content);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Pdf(Content content)
    {
        using var output = new MemoryStream();
        using (var document = SKDocument.CreatePdf(output, new SKDocumentPdfMetadata { Title = $"{content.CompoundName} {content.EntranceName} 双色卡二维码", Creator = "社区发展治理平台", RasterDpi = 300 }))
        {
            var scale = 72 / 25.4f;
            var canvas = document.BeginPage(WidthMm * scale, HeightMm * scale);
            Draw(canvas, scale, content);
            document.EndPage();
            document.Close();
        }
        return output.ToArray();
    }

    private static void Draw(SKCanvas canvas, float scale, Content c)
    {
        canvas.Clear(SKColors.White);
        canvas.Save();
        canvas.Scale(scale);
        var (regular, bold) = Faces.Value;
        using var ink = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
        using var band = new SKPaint { Color = new SKColor(0xc0, 0x39, 0x2b), IsAntialias = true };
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };

        canvas.DrawRect(0, 0, WidthMm, 42, band);
        Text(canvas, c.CompoundName, WidthMm / 2, 20, 13, bold, white);
        Text(canvas, $"{c.EntranceName} · 双色卡扫码登记", WidthMm / 2, 34, 7, regular, white);

        // The QR code: 110 mm square, its quiet zone included, on a white ground.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(c.Url, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        const float size = 110, top = 52;
        var left = (WidthMm - size) / 2;
        var cell = size / modules.Count;
        using var dark = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var y = 0; y < modules.Count; y++)
            for (var x = 0; x < modules[y].Length; x++)
                if (modules[y][x])
                    canvas.DrawRect(left + x * cell, top + y * cell, cell + 0.01f, cell + 0.01f, dark);
        Text(canvas, "请扫码登记后通行", WidthMm / 2, top + size + 10, 8, bold, ink);

        // The two pass categories in their colours.
        var boxTop = top + size + 18;
        for (var i = 0; i < c.Categories.Count && i < 2; i++)
        {
            var category = c.Categories[i];
            using var fill = new SKPaint { Color = SKColor.Parse(category.Colour), IsAntialias = true };
            var boxLeft = 20 + i * 90f;
            canvas.DrawRoundRect(boxLeft, boxTop, 80, 22, 3, 3, fill);
            Text(canvas, category.NameZh, boxLeft + 40, boxTop + 10, 7, bold, white);
            Text(canvas, category.ForZh, boxLeft + 40, boxTop + 18, 4.5f, regular, white);
        }

        string[] steps =
        [
            "1. 使用微信或手机浏览器扫描上方二维码，打开登记页面；",
            $"2. 选择通行卡类别（{string.Join("；", c.Categories.Select(x => $"{x.NameZh}：{x.ForZh}"))}）；",
            "3. 填写姓名和手机号，提交后向门岗出示页面上的通行卡编号；",
            "4. 已有通行卡编号的，可在页面“查验通行卡”处查验；",
            $"5. 个人信息仅用于疫情防控登记，保存{c.RetentionDays}天后自动删除。",
        ];
        var line = boxTop + 34;
        foreach (var step in steps)
        {
            TextLeft(canvas, step, 20, line, 4.6f, regular, ink);
            line += 8;
        }
        using var grey = new SKPaint { Color = new SKColor(0x77, 0x77, 0x77), IsAntialias = true };
        Text(canvas, $"{c.Street} · 社区发展办    二维码编号 {c.CodeLabel}", WidthMm / 2, HeightMm - 12, 4, regular, grey);
        canvas.Restore();
    }

    private static void Text(SKCanvas canvas, string text, float x, float y, float sizeMm, SKTypeface face, SKPaint paint)
    {
        using var font = new SKFont(face, sizeMm);
        canvas.DrawText(text, x, y, SKTextAlign.Center, font, paint);
    }

    private static void TextLeft(SKCanvas canvas, string text, float x, float y, float sizeMm, SKTypeface face, SKPaint paint)
    {
        using var font = new SKFont(face, sizeMm);
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
    }
}
