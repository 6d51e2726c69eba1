using System.Globalization;

namespace Platform.Abstractions.Commands;

/// <summary>
/// The version of a record a client based its edit on: the body's top-level <c>version</c> or an <c>If-Match: "N"</c>
/// header, for the record(s) named by the request's route ids. The host reads it from each write request and passes
/// it along with the request's grain calls (Orleans <c>RequestContext</c>); <see cref="EventWriter"/> refuses the write
/// when the stream has moved on since (409 for a body version, 412 for If-Match), so an edit based on a stale copy never
/// silently overwrites a newer one. Requests that state no version are not checked. Since SDK 1.5.
/// </summary>
public static class ExpectedVersion
{
    private const string Key = "platform.expected-version";

    /// <summary>What the client expects: the stream ids it applies to, the version, and whether it came from If-Match.</summary>
    public sealed record Expectation(IReadOnlyList<Guid> Ids, long Version, bool FromIfMatch);

    /// <summary>Sets the expectation for the grain calls made while handling the current request (the host does this).</summary>
    public static void Set(IReadOnlyList<Guid> ids, long version, bool fromIfMatch) =>
        Orleans.Runtime.RequestContext.Set(Key, string.Join(',', ids) + ";" + version.ToString(CultureInfo.InvariantCulture) + ";" + (fromIfMatch ? "if-match" : "body"));

    /// <summary>Clears it (end of the request).</summary>
    public static void Clear() => Orleans.Runtime.RequestContext.Remove(Key);

    /// <summary>The expectation for stream <paramref name="id"/>, or null when the client stated none for it.</summary>
    public static Expectation? For(Guid id)
    {
        if (Orleans.Runtime.RequestContext.Get(Key) is not string text)
            return null;
        var parts = text.Split(';');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var version))
            return null;
        var ids = parts[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).ToList();
        return ids.Contains(id) ? new Expectation(ids, version, parts[2] == "if-match") : null;
    }

    /// <summary>The refusal of a write whose stream is at <paramref name="current"/> while the client expected another version, or null.</summary>
    public static CommandResult? Check(Guid id, long current)
    {
        if (For(id) is not { } expected || expected.Version == current)
            return null;
        return new CommandResult(new Rejection(expected.FromIfMatch ? 412 : 409, "version",
            $"The record is at version {current}, not {expected.Version}: it was changed since you loaded it. Nothing was written; reload and apply your change again.",
            $"该记录已被修改（当前版本 {current}，您提交的版本 {expected.Version}），本次未写入，请刷新后重新修改。"), 0);
    }
}
