using System.Globalization;
using System.Security;
using System.Text;
using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>Writes the page as an SVG document (text stays text, in the CJK family with generic fallbacks).</summary>
internal sealed class SvgPageCanvas : IPageCanvas
{
    private readonly StringBuilder _svg = new();
    private readonly string _family;
    private int _clips;

    public SvgPageCanvas(int width, int height, string family, float dpi)
    {
        _family = string.Join(", ", new[] { family }.Concat(CjkFont.SimplifiedFamilies).Distinct().Select(f => $"'{f}'")) + ", sans-serif";
        var mmW = width / dpi * 25.4;
        var mmH = height / dpi * 25.4;
        _svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{mmW:0.#}mm\" height=\"{mmH:0.#}mm\" viewBox=\"0 0 {width} {height}\">\n");
        _svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
    }

    public void Begin(string id) => _svg.Append(CultureInfo.InvariantCulture, $"<g id=\"{SecurityElement.Escape(id)}\">\n");

    public void End() => _svg.Append("</g>\n");

    public void Path(IReadOnlyList<SKPoint[]> parts, bool closed, string? fill, string? stroke, float width)
    {
        var d = new StringBuilder();
        foreach (var part in parts.Where(p => p.Length > 0))
        {
            d.Append(CultureInfo.InvariantCulture, $"M{part[0].X:0.##} {part[0].Y:0.##}");
            for (var i = 1; i < part.Length; i++)
                d.Append(CultureInfo.InvariantCulture, $"L{part[i].X:0.##} {part[i].Y:0.##}");
            if (closed)
                d.Append('Z');
        }
        _svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" fill-rule=\"evenodd\" {Paint(fill, stroke, width)} stroke-linejoin=\"round\"/>\n");
    }

    public void Circle(float x, float y, float r, string fill, string? stroke, float width) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"{r:0.##}\" {Paint(fill, stroke, width)}/>\n");

    public void Text(float x, float y, string text, float size, string color, TextAnchor anchor, bool bold = false, string? halo = null)
    {
        var c = CssColor.Parse(color);
        var anchorName = anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
        var haloAttributes = halo is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $" stroke=\"{CssColor.Rgb(CssColor.Parse(halo))}\" stroke-width=\"{size / 5:0.##}\" paint-order=\"stroke\" stroke-linejoin=\"round\"");
        _svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-family=\"{_family}\" font-size=\"{size:0.##}\" text-anchor=\"{anchorName}\"{(bold ? " font-weight=\"bold\"" : "")} fill=\"{CssColor.Rgb(c)}\"{haloAttributes}>{SecurityElement.Escape(text)}</text>\n");
    }

    public void Clip(SKRect rect)
    {
        var id = $"clip{_clips++}";
        _svg.Append(CultureInfo.InvariantCulture,
            $"<clipPath id=\"{id}\"><rect x=\"{rect.Left:0.##}\" y=\"{rect.Top:0.##}\" width=\"{rect.Width:0.##}\" height=\"{rect.Height:0.##}\"/></clipPath><g clip-path=\"url(#{id})\">\n");
    }

    public void Unclip() => _svg.Append("</g>\n");

    public byte[] Document() => Encoding.UTF8.GetBytes(_svg + "</svg>\n");

    private static string Paint(string? fill, string? stroke, float width)
    {
        var s = new StringBuilder();
        if (fill is null)
            s.Append("fill=\"none\"");
        else
        {
            var f = CssColor.Parse(fill);
            s.Append(CultureInfo.InvariantCulture, $"fill=\"{CssColor.Rgb(f)}\" fill-opacity=\"{CssColor.Opacity(f)}\"");
        }
        if (stroke is not null && width > 0)
        {
            var c = CssColor.Parse(stroke);
            s.Append(CultureInfo.InvariantCulture, $" stroke=\"{CssColor.Rgb(c)}\" stroke-opacity=\"{CssColor.Opacity(c)}\" stroke-width=\"{width:0.##}\"");
        }
        return s.ToString();
    }
}
