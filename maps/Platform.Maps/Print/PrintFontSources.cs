using System.Runtime.InteropServices;
using SkiaSharp;

namespace Platform.Maps.Print;

/// <summary>A face offered to <see cref="PrintFontSelection"/>: its regular and bold typefaces (bold null: none) and file.</summary>
internal sealed record PrintFontCandidate(string Name, SKTypeface? Regular, SKTypeface? Bold, string? File);

/// <summary>Where the print typeface comes from: the machine's fonts, or a folder of font files.</summary>
internal interface IPrintFontSource
{
    /// <summary>A short name for logs and <c>/health</c> (<c>fontconfig</c>, a folder).</summary>
    string Name { get; }

    /// <summary>True when the fonts may have changed since the last <see cref="Candidates"/> (fonts or their configuration added, removed, touched).</summary>
    bool Changed();

    /// <summary>The faces to try, best first.</summary>
    IReadOnlyList<PrintFontCandidate> Candidates();
}

/// <summary>
/// The machine's fonts through fontconfig itself (libfontconfig, as <c>fc-match</c>): each simplified-Chinese family by
/// name, then any face for the language zh-CN. <see cref="Changed"/> is fontconfig's own <c>FcConfigUptoDate</c> (the
/// newest modification time of its configuration files and font folders); when it says the fonts changed, the
/// configuration is reloaded (<c>FcInitReinitialize</c>) before the next match.
/// </summary>
/// <remarks>
/// SkiaSharp's default font manager keeps the font set it read first for the process lifetime, so it cannot see a font
/// installed later; the files fontconfig names are opened with <see cref="SKTypeface.FromFile(string, int)"/> instead.
/// Not thread-safe: <see cref="PrintFontSelection"/> calls it under its lock.
/// </remarks>
internal sealed class FontconfigFontSource : IPrintFontSource
{
    private const string Library = "libfontconfig.so.1";
    private bool _loaded;

    public string Name => "fontconfig";

    /// <summary>A source over fontconfig, or null where libfontconfig cannot be loaded (Windows, macOS).</summary>
    public static FontconfigFontSource? TryCreate()
    {
        try
        {
            _ = FcConfigUptoDate(IntPtr.Zero);
            return new FontconfigFontSource();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public bool Changed()
    {
        if (!_loaded)
            return true;
        if (FcConfigUptoDate(IntPtr.Zero) != 0)
            return false;
        _ = FcInitReinitialize();
        return true;
    }

    public IReadOnlyList<PrintFontCandidate> Candidates()
    {
        _loaded = true;
        var list = new List<PrintFontCandidate>();
        foreach (var family in CjkFont.SimplifiedFamilies)
        {
            // fontconfig answers every name with its nearest face; only a face of that very family counts here.
            if (Match(family) is not { } regular || !regular.Families.Contains(family, StringComparer.OrdinalIgnoreCase))
                continue;
            var bold = Match(family + ":bold") is { } b && b.Families.Contains(family, StringComparer.OrdinalIgnoreCase) && b.File != regular.File ? b : null;
            list.Add(new PrintFontCandidate(family, Open(regular), bold is null ? null : Open(bold), regular.File));
        }
        if (Match(":lang=zh-cn") is { } any)
            list.Add(new PrintFontCandidate($"{any.Families.FirstOrDefault()} (lang zh-cn)", Open(any), null, any.File));
        return list;
    }

    private static SKTypeface? Open(FontMatch face) => SKTypeface.FromFile(face.File, face.Index);

    private static FontMatch? Match(string name)
    {
        var pattern = FcNameParse(name);
        if (pattern == IntPtr.Zero)
            return null;
        try
        {
            _ = FcConfigSubstitute(IntPtr.Zero, pattern, 0); // FcMatchPattern
            FcDefaultSubstitute(pattern);
            var match = FcFontMatch(IntPtr.Zero, pattern, out _);
            if (match == IntPtr.Zero)
                return null;
            try
            {
                if (FcPatternGetString(match, "file", 0, out var file) != 0 || Marshal.PtrToStringUTF8(file) is not { } path)
                    return null;
                var index = FcPatternGetInteger(match, "index", 0, out var i) == 0 ? i : 0;
                var families = new List<string>();
                for (var n = 0; FcPatternGetString(match, "family", n, out var f) == 0; n++)
                    if (Marshal.PtrToStringUTF8(f) is { } s)
                        families.Add(s);
                return new FontMatch(path, index, families.ToArray());
            }
            finally
            {
                FcPatternDestroy(match);
            }
        }
        finally
        {
            FcPatternDestroy(pattern);
        }
    }

    private sealed record FontMatch(string File, int Index, string[] Families);

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code enabled for this project; these few calls marshal plainly.
    [DllImport(Library)] private static extern int FcConfigUptoDate(IntPtr config);
    [DllImport(Library)] private static extern int FcInitReinitialize();
    [DllImport(Library)] private static extern IntPtr FcNameParse([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
    [DllImport(Library)] private static extern int FcConfigSubstitute(IntPtr config, IntPtr pattern, int kind);
    [DllImport(Library)] private static extern void FcDefaultSubstitute(IntPtr pattern);
    [DllImport(Library)] private static extern IntPtr FcFontMatch(IntPtr config, IntPtr pattern, out int result);
    [DllImport(Library)] private static extern int FcPatternGetString(IntPtr pattern, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int n, out IntPtr value);
    [DllImport(Library)] private static extern int FcPatternGetInteger(IntPtr pattern, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int n, out int value);
    [DllImport(Library)] private static extern void FcPatternDestroy(IntPtr pattern);
#pragma warning restore SYSLIB1054
}

/// <summary>SkiaSharp's default font manager, where fontconfig is not available: the named families, then a zh-Hans match. Never changes.</summary>
internal sealed class SkiaFontSource : IPrintFontSource
{
    private bool _read;

    public string Name => "SkiaSharp";

    public bool Changed() => !_read;

    public IReadOnlyList<PrintFontCandidate> Candidates()
    {
        _read = true;
        var manager = SKFontManager.Default;
        var list = CjkFont.SimplifiedFamilies
            .Select(f => (Family: f, Face: manager.MatchFamily(f, SKFontStyle.Normal)))
            .Where(x => x.Face is not null && string.Equals(x.Face.FamilyName, x.Family, StringComparison.OrdinalIgnoreCase))
            .Select(x => new PrintFontCandidate(x.Family, x.Face, manager.MatchFamily(x.Family, SKFontStyle.Bold), null))
            .ToList();
        if (manager.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN"], '中') is { } any)
            list.Add(new PrintFontCandidate($"{any.FamilyName} (zh-Hans)", any, null, null));
        return list;
    }
}

/// <summary>Every face of every font file in one folder (<c>.ttf</c>, <c>.otf</c>, <c>.ttc</c>, <c>.otc</c>), by file name; changed when a file is added, removed or rewritten.</summary>
internal sealed class FolderFontSource(string folder) : IPrintFontSource
{
    private static readonly string[] Extensions = [".ttf", ".otf", ".ttc", ".otc"];
    private string? _fingerprint;

    public string Name => folder;

    public bool Changed() => Fingerprint() != _fingerprint;

    public IReadOnlyList<PrintFontCandidate> Candidates()
    {
        _fingerprint = Fingerprint();
        var list = new List<PrintFontCandidate>();
        foreach (var file in Files())
            for (var index = 0; SKTypeface.FromFile(file.FullName, index) is { } face; index++)
                list.Add(new PrintFontCandidate($"{face.FamilyName} ({file.Name}#{index})", face, null, file.FullName));
        return list;
    }

    private IEnumerable<FileInfo> Files() => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles().Where(f => Extensions.Contains(f.Extension, StringComparer.OrdinalIgnoreCase)).OrderBy(f => f.Name, StringComparer.Ordinal)
        : [];

    private string Fingerprint() => string.Join('|', Files().Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));
}
