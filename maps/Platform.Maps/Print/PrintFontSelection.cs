using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.Maps.Print;

/// <summary>
/// Chooses the print typeface from an <see cref="IPrintFontSource"/>: the first candidate with glyphs for Chinese and for
/// Latin letters and digits (<see cref="CjkFont.Lacks"/>); the others are listed as refused with what they lack. The choice
/// is checked again, at most every <see cref="CheckInterval"/>, whenever the source says its fonts changed, so a font
/// installed or removed while the process runs is seen without a restart. The choice is logged once, and again only
/// when it changes.
/// </summary>
/// <remarks>Typefaces of an earlier choice are not disposed: a print in progress may still be drawing with them.</remarks>
internal sealed class PrintFontSelection(IPrintFontSource source, TimeSpan checkInterval, TimeProvider? clock = null)
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private ILogger _log = NullLogger.Instance;
    private PrintFontStatus? _status;
    private CjkFont? _current;
    private DateTimeOffset _checked;

    /// <summary>The machine's fonts: fontconfig where it is installed, else SkiaSharp's font manager; checked at most every 5 s.</summary>
    public static PrintFontSelection Machine { get; } = new((IPrintFontSource?)FontconfigFontSource.TryCreate() ?? new SkiaFontSource(), TimeSpan.FromSeconds(5));

    public TimeSpan CheckInterval => checkInterval;

    /// <summary>The typeface in use, after checking whether the fonts changed; null when no candidate has every glyph.</summary>
    public CjkFont? Current
    {
        get
        {
            Refresh();
            return _current;
        }
    }

    /// <summary>What <see cref="Current"/> is and why the other candidates were refused.</summary>
    public PrintFontStatus Status
    {
        get
        {
            Refresh();
            return _status!;
        }
    }

    /// <summary>Where the choice is logged from now on (the host's logger); logs the current choice once if it has not been logged.</summary>
    public void UseLogger(ILogger log)
    {
        lock (_gate)
        {
            var first = ReferenceEquals(_log, NullLogger.Instance);
            _log = log;
            if (first && _status is not null)
                Log(_status);
        }
        Refresh();
    }

    private void Refresh()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_status is not null && now - _checked < checkInterval)
                return;
            _checked = now;
            if (_status is not null && !source.Changed())
                return;
            var refused = new List<string>();
            CjkFont? chosen = null;
            foreach (var candidate in source.Candidates())
            {
                if (candidate.Regular is null)
                {
                    refused.Add($"{candidate.Name}: the file cannot be opened");
                    continue;
                }
                if (CjkFont.Lacks(candidate.Regular) is { } lacks)
                {
                    refused.Add($"{candidate.Name}: no glyphs for {lacks}");
                    continue;
                }
                var bold = candidate.Bold is { } b && CjkFont.Covers(b) ? b : candidate.Regular;
                chosen = new CjkFont(candidate.Regular, bold, candidate.File);
                break;
            }
            var status = new PrintFontStatus(chosen?.Family, chosen?.File, chosen is null ? null : chosen.Bold.FamilyName, source.Name, refused, now);
            var changed = _status is null || status.Family != _status.Family || status.File != _status.File;
            _current = chosen;
            _status = status;
            if (changed)
                Log(status);
        }
    }

    private void Log(PrintFontStatus status)
    {
        if (status.Family is not null)
            _log.LogInformation("Printed maps use the font {Family} ({File}), found through {Source}; refused: {Refused}",
                status.Family, status.File ?? "-", status.Source, status.Refused.Count == 0 ? "none" : string.Join("; ", status.Refused));
        else
            _log.LogWarning("No font with Chinese and Latin glyphs found through {Source}, so printed maps are refused (503). Refused: {Refused}. Install one: {Hint}",
                status.Source, status.Refused.Count == 0 ? "none" : string.Join("; ", status.Refused), CjkFont.InstallHint);
    }
}
