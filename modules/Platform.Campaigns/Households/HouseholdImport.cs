using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Abstractions.Registers;

namespace Platform.Campaigns.Households;

/// <summary>A row of an import that was not taken: its line in the file, the column at fault and why (en, zh).</summary>
public sealed record RejectedRow(int Line, string Field, string Reason, string ReasonZh);

/// <summary>
/// Turns the rows of a household table into registrations per compound or group, and the rows it cannot take into
/// <see cref="RejectedRow"/>s. Columns are found by their header (Chinese or English): 类型 kind (小区/村民小组), 名称 name,
/// 所属村 village, 楼栋 building, 单元 unit, 房号 room, 户主 head, 电话 phone, 身份证号 idNumber, 人数 members, 经度 lon, 纬度 lat.
/// </summary>
internal static partial class HouseholdImport
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["类型"] = "kind", ["kind"] = "kind", ["名称"] = "name", ["小区或小组"] = "name", ["name"] = "name", ["所属村"] = "village", ["village"] = "village",
        ["楼栋"] = "building", ["building"] = "building", ["单元"] = "unit", ["unit"] = "unit", ["房号"] = "room", ["门牌号"] = "room", ["room"] = "room",
        ["户主"] = "head", ["户主姓名"] = "head", ["head"] = "head", ["电话"] = "phone", ["联系电话"] = "phone", ["phone"] = "phone",
        ["身份证号"] = "idNumber", ["idnumber"] = "idNumber", ["人数"] = "members", ["members"] = "members", ["经度"] = "lon", ["lon"] = "lon", ["纬度"] = "lat", ["lat"] = "lat",
    };

    public sealed record Parsed(List<RegisterHouseholds> Batches, List<RejectedRow> Rejected, int Rows);

    /// <summary>
    /// Reads the table: the first row is the header. Compounds are found in the registers by name; a group's register is
    /// found by village and name, or started at the row's lon/lat (community located by <paramref name="communityAt"/>).
    /// </summary>
    public static async Task<Parsed> ReadAsync(IReadOnlyList<TableFile.Row> rows, IReadOnlyList<CompoundInfo> compounds, IReadOnlyDictionary<Guid, HouseholdRegister> registers,
        Func<double, double, Task<(string? Code, string? Name)>> communityAt)
    {
        var rejected = new List<RejectedRow>();
        if (rows.Count == 0)
            return new([], [new(1, "header", "The file is empty.", "文件为空。")], 0);
        var columns = rows[0].Cells.Select(h => Headers.GetValueOrDefault(h.Trim())).ToList();
        foreach (var required in new[] { "kind", "name", "room", "head" })
            if (!columns.Contains(required))
                rejected.Add(new(rows[0].Line, required, $"The header has no column {required}.", $"表头缺少“{ZhOf(required)}”列。"));
        if (rejected.Count > 0)
            return new([], rejected, rows.Count - 1);
        if (rows.Count - 1 > TableFile.MaxRows)
            return new([], [new(rows[TableFile.MaxRows + 1].Line, "rows", $"At most {TableFile.MaxRows} rows per import.", $"每次最多导入 {TableFile.MaxRows} 行。")], rows.Count - 1);

        var byName = compounds.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var batches = new Dictionary<Guid, (RegisterHouseholds Batch, List<Household> Households, HashSet<string> Keys)>();
        foreach (var row in rows.Skip(1))
        {
            string Cell(string name) => columns.IndexOf(name) is var i and >= 0 && i < row.Cells.Count ? row.Cells[i].Trim() : "";
            RejectedRow Bad(string field, string reason, string reasonZh) => new(row.Line, field, reason, reasonZh);
            var kind = Cell("kind") switch { "小区" or "compound" or "公寓" => "compound", "村民小组" or "小组" or "group" => "group", _ => null };
            var name = Cell("name");
            var head = Cell("head");
            var phone = Cell("phone");
            var idNumber = Cell("idNumber").ToUpperInvariant();
            var room = Cell("room");
            if (kind is null)
            {
                rejected.Add(Bad("kind", "kind is 小区 (compound) or 村民小组 (group).", "类型须为“小区”或“村民小组”。"));
                continue;
            }
            if (name.Length is < 1 or > 40)
            {
                rejected.Add(Bad("name", "name is the compound's or the group's name (1–40 characters).", "须填写小区或村民小组名称（1–40 字）。"));
                continue;
            }
            if (room.Length is < 1 or > 20)
            {
                rejected.Add(Bad("room", "room (or house number) is 1–20 characters.", "须填写房号或门牌号（1–20 字）。"));
                continue;
            }
            if (head.Length is < 1 or > 20 || head.Any(char.IsControl))
            {
                rejected.Add(Bad("head", "head is the householder's name (1–20 characters).", "须填写户主姓名（1–20 字）。"));
                continue;
            }
            if (phone.Length > 0 && !Phone().IsMatch(phone))
            {
                rejected.Add(Bad("phone", "phone is an 11-digit mobile number or a landline such as 028-85551234.", "联系电话须为 11 位手机号或带区号的固定电话。"));
                continue;
            }
            if (idNumber.Length > 0 && !IdNumberIsValid(idNumber))
            {
                rejected.Add(Bad("idNumber", "idNumber is an 18-character resident ID number with a valid check digit.", "身份证号须为 18 位且校验码正确。"));
                continue;
            }
            var members = 1;
            if (Cell("members") is { Length: > 0 } m && (!int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out members) || members is < 1 or > 30))
            {
                rejected.Add(Bad("members", "members is a whole number from 1 to 30.", "人数须为 1 到 30 的整数。"));
                continue;
            }

            RegisterHouseholds batch;
            if (kind == "compound")
            {
                if (!byName.TryGetValue(name, out var compound))
                {
                    rejected.Add(Bad("name", $"No compound named {name} is registered.", $"小区登记中没有“{name}”。"));
                    continue;
                }
                var id = HouseholdRegister.IdOfCompound(compound.Id);
                batch = new RegisterHouseholds(id, "compound", compound.Name, null, compound.Id, compound.CommunityCode, compound.CommunityName, compound.Lon, compound.Lat, []);
            }
            else
            {
                var village = Cell("village");
                if (village.Length is < 1 or > 40)
                {
                    rejected.Add(Bad("village", "A group's village (所属村) is given.", "村民小组须填写所属村。"));
                    continue;
                }
                var id = HouseholdRegister.IdOfGroup(village, name);
                if (registers.TryGetValue(id, out var known))
                    batch = new RegisterHouseholds(id, "group", known.Name, known.Village, null, known.CommunityCode, known.CommunityName, known.Lon, known.Lat, []);
                else if (batches.TryGetValue(id, out var started))
                    batch = started.Batch;
                else
                {
                    if (!double.TryParse(Cell("lon"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || !double.TryParse(Cell("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                        || lon is < 73 or > 136 || lat is < 3 or > 54)
                    {
                        rejected.Add(Bad("lon", "A group not yet registered needs its place: lon and lat (EPSG:4490).", "新登记的村民小组须填写经度、纬度。"));
                        continue;
                    }
                    var (code, communityName) = await communityAt(lon, lat);
                    batch = new RegisterHouseholds(id, "group", name, village, null, code, communityName, lon, lat, []);
                }
            }
            var household = new Household(Guid.NewGuid(), NullIfEmpty(Cell("building")), NullIfEmpty(Cell("unit")), room, head, NullIfEmpty(phone), NullIfEmpty(idNumber), members);
            if (!batches.TryGetValue(batch.RegisterId, out var entry))
                batches[batch.RegisterId] = entry = (batch, [], registers.TryGetValue(batch.RegisterId, out var r) ? r.Households.Select(h => h.Key).ToHashSet(StringComparer.Ordinal) : []);
            if (!entry.Keys.Add(household.Key))
            {
                rejected.Add(Bad("room", $"{batch.Name} already has a household at {household.Key.Trim('/')} (in the register or earlier in the file).", $"{batch.Name}的该户（{household.Key.Trim('/')}）已登记或在文件中重复。"));
                continue;
            }
            entry.Households.Add(household);
        }
        return new([.. batches.Values.Select(b => b.Batch with { Households = [.. b.Households] })], rejected, rows.Count - 1);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string ZhOf(string column) => Headers.First(h => h.Value == column).Key;

    /// <summary>GB 11643-1999: 17 digits and a check character (0–9 or X) from the weighted sum mod 11.</summary>
    internal static bool IdNumberIsValid(string id)
    {
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
            return false;
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (id[i] - '0') * weights[i];
        return "10X98765432"[sum % 11] == id[17];
    }

    [GeneratedRegex("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$")]
    private static partial Regex Phone();
}
