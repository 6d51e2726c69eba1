using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Platform.Plugins.Smart.Telemetry;

/// <summary>Why a message was refused: a code for the counters, the field, and the reason in both languages.</summary>
public sealed record IngestRefusal(string Code, string Field, string Reason, string ReasonZh);

/// <summary>
/// ThingsBoard's telemetry and attribute payloads: <c>{"temperature":36.6}</c> (stamped on arrival),
/// <c>{"ts":1451649600512,"values":{"temperature":36.6}}</c> (milliseconds since 1970), or an array of either.
/// Numbers are kept as numbers, strings as text, booleans as "true"/"false", objects and arrays as their JSON text.
/// Pictures are refused (no face image is ever stored); a person's identifier (<see cref="PersonKeys"/>, e.g. the
/// <c>personId</c> of a face gate's access event) is replaced by a keyed pseudonym before anything is stored.
/// </summary>
public static class TelemetryPayload
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxValues = 500;
    public const int MaxKeyLength = 64;
    public const int MaxTextLength = 4096;

    /// <summary>Keys that carry a person's identifier (access events of gates): stored only as a pseudonym.</summary>
    public static readonly IReadOnlySet<string> PersonKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "person", "personId", "person_id", "cardId", "cardNo", "faceId", "idNumber", "phone" };

    private static readonly string[] ImageKeys = ["image", "photo", "face", "snapshot", "picture", "jpeg", "jpg", "png"];

    /// <summary>A picture in a payload: a key named like one, a data URL, or a long base64 run.</summary>
    public static bool IsImage(string key, string? text) =>
        (ImageKeys.Any(k => key.Contains(k, StringComparison.OrdinalIgnoreCase)) && !key.Equals("faceId", StringComparison.OrdinalIgnoreCase) && text is { Length: > 64 })
        || text is not null && (text.StartsWith("data:image", StringComparison.OrdinalIgnoreCase)
            || text.Length > 1024 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='));

    public static (Reading[]? Readings, IngestRefusal? Refusal) Parse(ReadOnlySequence<byte> payload, DateTimeOffset now, DateTimeOffset oldest, DateTimeOffset newest, bool attributes,
        Func<string, string>? pseudonymise = null)
    {
        pseudonymise ??= Pseudonyms.Default.Of;
        if (payload.Length == 0)
            return Bad("The message is empty.", "消息为空。");
        if (payload.Length > MaxBytes)
            return Bad($"The message is longer than {MaxBytes} bytes.", $"消息超过 {MaxBytes} 字节。");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return Bad($"The message is not JSON: {e.Message}", "消息不是有效的 JSON。");
        }
        using (doc)
        {
            var readings = new List<Reading>();
            var root = doc.RootElement;
            IEnumerable<JsonElement> entries = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : [root];
            foreach (var entry in entries)
            {
                if (entry.ValueKind != JsonValueKind.Object)
                    return Bad("Each entry is a JSON object of values, or {\"ts\":…,\"values\":{…}}.", "每条数据须为 JSON 对象，或 {\"ts\":…,\"values\":{…}} 形式。");
                var ts = now;
                var values = entry;
                if (!attributes && entry.TryGetProperty("ts", out var tsElement) && entry.TryGetProperty("values", out var v))
                {
                    if (tsElement.ValueKind != JsonValueKind.Number || !tsElement.TryGetInt64(out var ms))
                        return ("ts", "The ts is milliseconds since 1970 (an integer).", "ts 须为自 1970 年起的毫秒数（整数）。").Refuse("bad_payload");
                    if (ms < oldest.ToUnixTimeMilliseconds() || ms > newest.ToUnixTimeMilliseconds())
                        return ("ts", $"The reading's time {FormatMs(ms)} lies outside the accepted window {oldest:yyyy-MM-dd HH:mm} – {newest:yyyy-MM-dd HH:mm} UTC.",
                            $"读数时间 {FormatMs(ms)} 超出可接受范围（{oldest:yyyy-MM-dd HH:mm} 至 {newest:yyyy-MM-dd HH:mm}，UTC）。").Refuse("ts_out_of_range");
                    if (v.ValueKind != JsonValueKind.Object)
                        return ("values", "The values are a JSON object.", "values 须为 JSON 对象。").Refuse("bad_payload");
                    ts = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                    values = v;
                }
                foreach (var p in values.EnumerateObject())
                {
                    if (p.Name.Length is 0 or > MaxKeyLength)
                        return ("key", $"A key is empty or longer than {MaxKeyLength} characters.", $"数据键为空或超过 {MaxKeyLength} 个字符。").Refuse("bad_payload");
                    var reading = p.Value.ValueKind switch
                    {
                        JsonValueKind.Number when p.Value.TryGetDouble(out var d) && double.IsFinite(d) => new Reading(ts, p.Name, d, null),
                        JsonValueKind.String => new Reading(ts, p.Name, null, p.Value.GetString()),
                        JsonValueKind.True => new Reading(ts, p.Name, null, "true"),
                        JsonValueKind.False => new Reading(ts, p.Name, null, "false"),
                        JsonValueKind.Object or JsonValueKind.Array => new Reading(ts, p.Name, null, p.Value.GetRawText()),
                        _ => null,
                    };
                    if (reading is null)
                        return (p.Name, $"The value of '{p.Name}' is neither a number, a string, a boolean nor JSON.", $"“{p.Name}”的值无效。").Refuse("bad_payload");
                    if (IsImage(p.Name, reading.Text))
                        return (p.Name, $"'{p.Name}' looks like an image; face images and pictures are never stored.", $"“{p.Name}”疑似图像数据，平台不存储人脸图像或照片。").Refuse("image_refused");
                    if (reading.Text is { } id && PersonKeys.Contains(p.Name))
                        reading = reading with { Text = pseudonymise(id) };
                    if (reading.Text?.Length > MaxTextLength)
                        return (p.Name, $"The value of '{p.Name}' is longer than {MaxTextLength} characters.", $"“{p.Name}”的值超过 {MaxTextLength} 个字符。").Refuse("bad_payload");
                    readings.Add(reading);
                    if (readings.Count > MaxValues)
                        return Bad($"A message carries at most {MaxValues} values.", $"每条消息最多 {MaxValues} 个数据。");
                }
            }
            return readings.Count == 0 ? Bad("The message carries no values.", "消息中没有数据。") : ([.. readings], null);
        }
    }

    private static string FormatMs(long ms) =>
        ms is >= -62135596800000 and <= 253402300799999 ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : ms.ToString(CultureInfo.InvariantCulture);

    private static (Reading[]?, IngestRefusal?) Bad(string en, string zh) => (null, new IngestRefusal("bad_payload", "payload", en, zh));

    private static (Reading[]?, IngestRefusal?) Refuse(this (string Field, string En, string Zh) r, string code) => (null, new IngestRefusal(code, r.Field, r.En, r.Zh));
}
