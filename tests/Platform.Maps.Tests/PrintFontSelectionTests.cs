using Platform.Maps.Print;
using Platform.Maps.Tests.Support;
using SkiaSharp;

namespace Platform.Maps.Tests;

/// <summary>
/// The print font's selection over real font files: the probe fonts in <c>Fonts/</c> are subsets of Noto Sans CJK SC made by
/// <c>make-probe-fonts.py</c> (fc-query lists their charsets: CJK only; Latin letters and digits only; both).
/// </summary>
public sealed class PrintFontSelectionTests : IDisposable
{
    private static readonly string Fonts = Path.Combine(Repository.Root, "tests", "Platform.Maps.Tests", "Fonts");
    private readonly string _folder = Directory.CreateTempSubdirectory("print-fonts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("probe-cjk-only.otf", "Latin letters and digits")]
    [InlineData("probe-latin-only.otf", "Chinese")]
    [InlineData("probe-cjk-latin.otf", null)]
    public void Lacks_NamesTheScriptAFontHasNoGlyphsFor(string file, string? lacks)
    {
        using var face = SKTypeface.FromFile(Path.Combine(Fonts, file));
        Assert.NotNull(face);
        Assert.Equal(lacks, CjkFont.Lacks(face));
        Assert.Equal(lacks is null, CjkFont.Covers(face));
    }

    [Fact]
    public void AFontWithChineseButNoLatinGlyphs_IsRefused_AndAFontAddedLater_IsTakenWithoutARestart()
    {
        File.Copy(Path.Combine(Fonts, "probe-cjk-only.otf"), Path.Combine(_folder, "a.otf"));
        File.Copy(Path.Combine(Fonts, "probe-latin-only.otf"), Path.Combine(_folder, "b.otf"));
        var selection = new PrintFontSelection(new FolderFontSource(_folder), TimeSpan.Zero);

        Assert.Null(selection.Current);
        var refused = selection.Status.Refused;
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, r => r.StartsWith("Probe CJK Only", StringComparison.Ordinal) && r.EndsWith("no glyphs for Latin letters and digits", StringComparison.Ordinal));
        Assert.Contains(refused, r => r.StartsWith("Probe Latin Only", StringComparison.Ordinal) && r.EndsWith("no glyphs for Chinese", StringComparison.Ordinal));
        Assert.Null(selection.Status.Family);

        // A font installed while the process runs is seen at the next check.
        File.Copy(Path.Combine(Fonts, "probe-cjk-latin.otf"), Path.Combine(_folder, "c.otf"));
        Assert.Equal("Probe CJK Latin", selection.Current?.Family);
        Assert.Equal(Path.Combine(_folder, "c.otf"), selection.Status.File);

        // And one removed is given up.
        File.Delete(Path.Combine(_folder, "c.otf"));
        Assert.Null(selection.Current);
    }

    [Fact]
    public void BetweenChecks_TheChoiceIsKept_AndAfterTheIntervalTheFontsAreReadAgain()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var selection = new PrintFontSelection(new FolderFontSource(_folder), TimeSpan.FromSeconds(5), clock);
        Assert.Null(selection.Current);

        File.Copy(Path.Combine(Fonts, "probe-cjk-latin.otf"), Path.Combine(_folder, "c.otf"));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(selection.Current);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("Probe CJK Latin", selection.Current?.Family);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
