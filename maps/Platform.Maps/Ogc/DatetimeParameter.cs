using Platform.Maps.Layers;

namespace Platform.Maps.Ogc;

/// <summary>
/// The <c>datetime</c> parameter of OGC API – Features: an instant or date (<c>2020-07-01</c>,
/// <c>2020-07-01T08:00:00Z</c>), or an interval <c>a/b</c> whose ends may be open (<c>../b</c>, <c>a/..</c>, or empty).
/// </summary>
/// <remarks>
/// Temporal layers answer "as of" a calendar date (UTC date of an instant). An interval selects what was in force at its
/// start or at its end (<c>..</c> at the end = today; an open start = the end's state): the layers keep no history of
/// the days in between, so a feature that both appeared and vanished strictly inside the interval is not found.
/// </remarks>
internal sealed record DatetimeParameter(DateOnly? Start, DateOnly? End, bool IsInterval)
{
    public static DatetimeParameter None { get; } = new(null, null, false);

    /// <summary>The dates whose snapshots are combined: the end (today when open), then the start when it differs.</summary>
    public IReadOnlyList<DateOnly?> Snapshots(bool temporal)
    {
        if (!IsInterval)
            return [Start];
        var end = End ?? (temporal ? LayerReader.Effective(null) : null);
        return Start is { } s && s != end ? [end, s] : [end];
    }

    public static bool TryParse(string? text, out DatetimeParameter value, out string reason, out string reasonZh)
    {
        value = None;
        reason = reasonZh = "";
        if (string.IsNullOrWhiteSpace(text))
            return true;
        var parts = text.Split('/');
        if (parts.Length > 2)
            return Fail(out reason, out reasonZh);
        if (parts.Length == 1)
        {
            if (parts[0] == ".." || !DateParameter.TryParse(parts[0], out var instant))
                return Fail(out reason, out reasonZh);
            value = new DatetimeParameter(instant, instant, false);
            return true;
        }
        DateOnly? start = null, end = null;
        if (parts[0] is not ("" or "..") && !DateParameter.TryParse(parts[0], out start))
            return Fail(out reason, out reasonZh);
        if (parts[1] is not ("" or "..") && !DateParameter.TryParse(parts[1], out end))
            return Fail(out reason, out reasonZh);
        if (start is null && end is null && parts[0] is "" && parts[1] is "")
            return Fail(out reason, out reasonZh);
        if (start > end)
        {
            reason = $"The interval ends ({parts[1]}) before it starts ({parts[0]}).";
            reasonZh = $"时间段的结束（{parts[1]}）早于开始（{parts[0]}）。";
            return false;
        }
        value = new DatetimeParameter(start, end, true);
        return true;
    }

    private static bool Fail(out string reason, out string reasonZh)
    {
        reason = "datetime must be a date or RFC 3339 instant (2020-06-30, 2020-06-30T08:00:00Z) or an interval a/b, ../b or a/...";
        reasonZh = "datetime 须为日期或时刻（如 2020-06-30、2020-06-30T08:00:00Z），或时间段 a/b、../b、a/..。";
        return false;
    }
}
