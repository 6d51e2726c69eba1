using Marten;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Jurisdiction.Rules;
using Platform.Jurisdiction.Units;
using Platform.Spatial;

namespace Platform.Jurisdiction.Register;

[GrainType("jurisdiction.register")]
internal sealed class JurisdictionGrain(EventWriter writer, IDocumentStore store, IOptions<JurisdictionOptions> options) : Grain, IJurisdictionGrain
{
    private readonly Dictionary<Guid, UnitHistory> _units = [];

    // Set while a preview runs: the events the command would append are collected here instead of written. The grain is
    // not reentrant, so no other command runs meanwhile.
    private List<(Guid Stream, object Event, bool Start)>? _previewed;
    private double Tolerance => options.Value.OverlapToleranceSquareMetres;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        foreach (var unit in await query.Query<UnitHistory>().ToListAsync(cancellationToken))
            _units[unit.Id] = unit;
    }

    public async Task<UnitCommandResult> EstablishAsync(EstablishUnit c, CommandContext context)
    {
        if (Invalid(c.Decision) is { } bad)
            return UnitCommandResult.Refused(bad);
        if (_units.Values.Any(u => !u.Abolished && u.Latest?.Code == c.Code))
            return Refuse(409, "code", $"Code {c.Code} is already in use.", $"编码 {c.Code} 已被使用。");
        var geometry = WellKnownText.Read(c.GeometryWkt);
        UnitVersion? parent = null;
        if (c.Level != UnitLevel.Street)
        {
            if (c.ParentId is not { } parentId || Active(parentId, c.Decision.EffectiveDate) is not { } p)
                return Refuse(400, "parentId", "A community, village or group needs a parent unit in force on the effective date.", "须指定生效日有效的上级单位。");
            parent = p;
            if (c.Level == UnitLevel.Group && p.Level.Tier() != 1)
                return Refuse(400, "parentId", "A resident group belongs to a community or a village.", "村(居)民小组须隶属于社区或村。");
            if (c.Level != UnitLevel.Group && p.Level != UnitLevel.Street)
                return Refuse(400, "parentId", "A community or village belongs to a street.", "社区或村须隶属于街道。");
        }
        if (CheckGeometry(geometry, c.Level, parent, c.ParentId, c.Decision.EffectiveDate, []) is { } overlap)
            return UnitCommandResult.Refused(overlap);

        var id = Guid.NewGuid();
        if (await AppendAsync(context, (id, new UnitEstablished(c.Code, c.Name, c.Level, c.ParentId, c.GeometryWkt, c.Decision, []), true)) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, id);
    }

    public async Task<UnitCommandResult> RenameAsync(RenameUnit c, CommandContext context)
    {
        if ((Invalid(c.Decision) ?? NotActive(c.UnitId, c.Decision.EffectiveDate)) is { } bad)
            return UnitCommandResult.Refused(bad);
        if (await AppendAsync(context, (c.UnitId, new UnitRenamed(c.Name, c.Decision), false)) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, c.UnitId);
    }

    public async Task<UnitCommandResult> ConvertVillageAsync(ConvertVillage c, CommandContext context)
    {
        if ((Invalid(c.Decision) ?? NotActive(c.UnitId, c.Decision.EffectiveDate)) is { } bad)
            return UnitCommandResult.Refused(bad);
        if (_units[c.UnitId].Latest!.Level != UnitLevel.Village)
            return Refuse(409, "unitId", "Only a village can be converted into a community.", "只有村可以改为社区（村改居）。");
        if (_units.Any(u => u.Key != c.UnitId && !u.Value.Abolished && u.Value.Latest?.Code == c.Code))
            return Refuse(409, "code", $"Code {c.Code} is already in use.", $"编码 {c.Code} 已被使用。");
        if (await AppendAsync(context, (c.UnitId, new VillageConvertedToCommunity(c.Name, c.Code, c.Decision), false)) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, c.UnitId);
    }

    public async Task<UnitCommandResult> MergeAsync(MergeUnits c, CommandContext context)
    {
        var date = c.Decision.EffectiveDate;
        if (Invalid(c.Decision) is { } bad)
            return UnitCommandResult.Refused(bad);
        if (c.AbsorbedIds.Length == 0 || c.AbsorbedIds.Distinct().Count() != c.AbsorbedIds.Length)
            return Refuse(400, "absorbedIds", "Name each unit to abolish once.", "须列出被撤并的单位，且不得重复。");
        if ((c.SuccessorId is null) == (c.NewSuccessor is null))
            return Refuse(400, "successorId", "Give either an existing successor or a new one to establish.", "须指定并入的现有单位或新建单位之一。");
        foreach (var id in c.AbsorbedIds.Append(c.SuccessorId ?? Guid.Empty).Where(i => i != Guid.Empty))
        {
            if (NotActive(id, date) is { } missing)
                return UnitCommandResult.Refused(missing);
        }
        if (c.SuccessorId is { } s && c.AbsorbedIds.Contains(s))
            return Refuse(400, "successorId", "The successor cannot also be abolished.", "并入单位不能同时被撤销。");
        var absorbed = c.AbsorbedIds.Select(id => _units[id].Latest!).ToList();
        if (absorbed.Any(a => a.Level.Tier() != 1))
            return Refuse(400, "absorbedIds", "Only communities and villages merge here; resident groups merge by vote.", "此处仅撤并社区和村；村民小组合并须经户代表会议表决。");
        var street = absorbed[0].ParentId;

        var union = absorbed.Select(a => WellKnownText.Read(a.GeometryWkt))
            .Concat(c.SuccessorId is { } sid ? [WellKnownText.Read(_units[sid].Latest!.GeometryWkt)] : [])
            .Aggregate((a, b) => a.Union(b));
        var unionWkt = WellKnownText.Write(union);
        var successorId = c.SuccessorId ?? Guid.NewGuid();
        var events = new List<(Guid, object, bool)>();
        if (c.NewSuccessor is { } n)
        {
            if (n.Level.Tier() != 1)
                return Refuse(400, "newSuccessor.level", "The new unit must be a community or a village.", "新建单位须为社区或村。");
            if (_units.Values.Any(u => !u.Abolished && u.Latest?.Code == n.Code))
                return Refuse(409, "newSuccessor.code", $"Code {n.Code} is already in use.", $"编码 {n.Code} 已被使用。");
            events.Add((successorId, new UnitEstablished(n.Code, n.Name, n.Level, street, unionWkt, c.Decision, c.AbsorbedIds), true));
        }
        else
        {
            events.Add((successorId, new UnitsAbsorbed(c.AbsorbedIds, unionWkt, c.Decision), false));
        }
        var excluded = c.AbsorbedIds.Append(successorId).ToHashSet();
        if (UnitsOfOneTierMustNotOverlapRule.Check(union, UnitLevel.Community, date, Others(date, excluded), Tolerance) is { } overlap)
            return UnitCommandResult.Refused(overlap);

        foreach (var id in c.AbsorbedIds)
            events.Add((id, new UnitAbolished(successorId, c.Decision), false));
        // The resident groups of abolished units move to the successor.
        foreach (var child in _units.Where(u => u.Value.At(date) is { } v && v.ParentId is { } p && c.AbsorbedIds.Contains(p)))
            events.Add((child.Key, new UnitReparented(successorId, c.Decision), false));
        if (await AppendAsync(context, [.. events]) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, successorId);
    }

    public async Task<UnitCommandResult> TransferAreaAsync(TransferArea c, CommandContext context)
    {
        var date = c.Decision.EffectiveDate;
        if ((Invalid(c.Decision) ?? NotActive(c.FromId, date) ?? NotActive(c.ToId, date)) is { } bad)
            return UnitCommandResult.Refused(bad);
        if (c.FromId == c.ToId)
            return Refuse(400, "toId", "An area moves between two different units.", "调整须在两个不同单位之间进行。");
        var from = _units[c.FromId].Latest!;
        var to = _units[c.ToId].Latest!;
        if (from.Level.Tier() != to.Level.Tier())
            return Refuse(400, "toId", "Both units must be of one tier.", "两个单位须为同一层级。");
        var area = WellKnownText.Read(c.AreaWkt);
        var fromGeometry = WellKnownText.Read(from.GeometryWkt);
        var outside = GeometryMeasurement.AreaSquareMetres(area.Difference(fromGeometry));
        if (outside > Tolerance)
            return Refuse(409, "geometry", $"The area to transfer lies {outside:0.0} m² outside {from.Name}.", $"调整范围有 {outside:0.0} 平方米不在{from.Name}内。");
        var newFrom = fromGeometry.Difference(area);
        var newTo = WellKnownText.Read(to.GeometryWkt).Union(area);
        if (newFrom.IsEmpty)
            return Refuse(409, "geometry", $"The transfer would leave {from.Name} without territory; merge it instead.", $"调整后{from.Name}无辖区，应改为撤并。");
        var excluded = new HashSet<Guid> { c.FromId, c.ToId };
        if (CheckGeometry(newTo, to.Level, to.ParentId is { } tp ? Active(tp, date) : null, to.ParentId, date, excluded) is { } overlap)
            return UnitCommandResult.Refused(overlap);
        if (await AppendAsync(context,
            (c.FromId, new BoundaryAdjusted(WellKnownText.Write(newFrom), c.ToId, c.Decision), false),
            (c.ToId, new BoundaryAdjusted(WellKnownText.Write(newTo), c.FromId, c.Decision), false)) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, c.ToId);
    }

    public async Task<UnitCommandResult> MergeGroupsAsync(MergeGroups c, CommandContext context)
    {
        var date = c.Decision.EffectiveDate;
        if ((Invalid(c.Decision) ?? NotActive(c.SuccessorId, date)) is { } bad)
            return UnitCommandResult.Refused(bad);
        var absorbed = c.GroupIds.Where(g => g != c.SuccessorId).Distinct().ToArray();
        if (absorbed.Length == 0)
            return Refuse(400, "groupIds", "Name at least one group to merge into the successor.", "须列出并入的村民小组。");
        foreach (var id in absorbed)
        {
            if (NotActive(id, date) is { } missing)
                return UnitCommandResult.Refused(missing);
        }
        var groups = absorbed.Append(c.SuccessorId).Select(id => _units[id].Latest!).ToList();
        if (groups.Any(g => g.Level != UnitLevel.Group))
            return Refuse(400, "groupIds", "Only resident groups merge by a household vote.", "仅村(居)民小组经户代表会议表决合并。");
        if (groups.Select(g => g.ParentId).Distinct().Count() != 1)
            return Refuse(409, "groupIds", "The groups belong to different communities or villages.", "拟合并的小组不属于同一村(社区)。");
        if (GroupMergeNeedsQuorateMajorityRule.Inconsistency(c.Vote) is { } inconsistent)
            return Refuse(400, inconsistent.Field, inconsistent.Reason, inconsistent.ReasonZh);

        var verdict = GroupMergeNeedsQuorateMajorityRule.Judge(c.Vote);
        var involved = absorbed.Append(c.SuccessorId).ToArray();
        var vote = new HouseholdVoteHeld(involved, c.Vote, verdict.Passed, verdict.FindingZh, c.Decision);
        if (!verdict.Passed)
        {
            // The meeting happened and is on record; the merge does not.
            if (await AppendAsync(context, (c.SuccessorId, vote, false)) is { } lostVote)
                return UnitCommandResult.Refused(lostVote);
            return new UnitCommandResult(new Rejection(409, "vote", verdict.Finding, verdict.FindingZh), c.SuccessorId, verdict.FindingZh);
        }
        var union = groups.Select(g => WellKnownText.Read(g.GeometryWkt)).Aggregate((a, b) => a.Union(b));
        var events = new List<(Guid, object, bool)>
        {
            (c.SuccessorId, vote, false),
            (c.SuccessorId, new UnitsAbsorbed(absorbed, WellKnownText.Write(union), c.Decision), false),
        };
        events.AddRange(absorbed.Select(id => (id, (object)new UnitAbolished(c.SuccessorId, c.Decision), false)));
        if (await AppendAsync(context, [.. events]) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, c.SuccessorId, verdict.FindingZh);
    }

    public async Task<UnitCommandResult> GrantDelegationAsync(GrantDelegation c, CommandContext context)
    {
        if (Invalid(c.Decision) is { } bad)
            return UnitCommandResult.Refused(bad);
        if (string.IsNullOrWhiteSpace(c.OwnerStreet) || c.OwnerStreet == options.Value.StreetName)
            return Refuse(400, "ownerStreet", "A delegated area belongs to another street.", "托管区域须属于其他街道。");
        var geometry = WellKnownText.Read(c.GeometryWkt);
        var date = c.Decision.EffectiveDate;
        var own = _units.Values.Select(u => u.At(date)).Where(v => v is { Level: UnitLevel.Street, DelegatedFromStreet: null }).ToList();
        foreach (var street in own)
        {
            var overlap = GeometryMeasurement.AreaSquareMetres(geometry.Intersection(WellKnownText.Read(street!.GeometryWkt)));
            if (overlap > Tolerance)
                return Refuse(409, "geometry", $"The delegated area overlaps {street.Name}'s own territory by {overlap:0.0} m².", $"托管区域与{street.Name}自有辖区重叠 {overlap:0.0} 平方米。");
        }
        var id = Guid.NewGuid();
        if (await AppendAsync(context, (id, new DelegationGranted(c.Name, c.OwnerStreet, options.Value.StreetName, c.GeometryWkt, c.Decision), true)) is { } lost)
            return UnitCommandResult.Refused(lost);
        return new UnitCommandResult(null, id);
    }

    private Rejection? CheckGeometry(Geometry geometry, UnitLevel level, UnitVersion? parent, Guid? parentId, DateOnly date, HashSet<Guid> excluded)
    {
        if (geometry is not (Polygon or MultiPolygon))
            return new Rejection(400, "geometry", "A unit's boundary must be a Polygon or MultiPolygon.", "辖区边界须为面（Polygon 或 MultiPolygon）。");
        if (level == UnitLevel.Group && parent is not null
            && UnitsOfOneTierMustNotOverlapRule.CheckInsideParent(geometry, parent, WellKnownText.Read(parent.GeometryWkt), Tolerance) is { } outside)
            return outside;
        return UnitsOfOneTierMustNotOverlapRule.Check(geometry, level, date, Others(date, excluded), Tolerance);
    }

    private IEnumerable<(Guid, UnitVersion, Geometry)> Others(DateOnly date, HashSet<Guid> excluded)
    {
        foreach (var (id, unit) in _units)
        {
            if (excluded.Contains(id))
                continue;
            // Check against the unit as it is on the date and as it is now, whichever is in force.
            if ((unit.At(date) ?? (unit.Abolished ? null : unit.Latest)) is { } version)
                yield return (id, version, WellKnownText.Read(version.GeometryWkt));
        }
    }

    private UnitVersion? Active(Guid id, DateOnly date) =>
        _units.TryGetValue(id, out var u) && !u.Abolished && u.Latest is { } latest && latest.ValidFrom <= date ? latest : null;

    private Rejection? NotActive(Guid id, DateOnly date)
    {
        if (!_units.TryGetValue(id, out var unit) || unit.Latest is null)
            return new Rejection(404, "unitId", $"No unit {id}.", "找不到该单位。");
        if (unit.Abolished)
            return new Rejection(409, "unitId", $"{unit.Latest.Name} was abolished on {unit.Latest.ValidTo:yyyy-MM-dd}.", $"{unit.Latest.Name}已于 {unit.Latest.ValidTo:yyyy-MM-dd} 撤销。");
        if (unit.Latest.ValidFrom > date)
            return new Rejection(409, "decision.effectiveDate",
                $"{unit.Latest.Name} has a later change in force from {unit.Latest.ValidFrom:yyyy-MM-dd}; decisions are recorded in date order.",
                $"{unit.Latest.Name}已有 {unit.Latest.ValidFrom:yyyy-MM-dd} 生效的后续变更，决定须按日期先后登记。");
        return null;
    }

    private static Rejection? Invalid(Decision d)
    {
        if (string.IsNullOrWhiteSpace(d.DocumentNumber))
            return new Rejection(400, "decision.documentNumber", "The decision's document number is missing.", "缺少决定文号。");
        if (d.EffectiveDate == default)
            return new Rejection(400, "decision.effectiveDate", "The decision's effective date is missing.", "缺少生效日期。");
        if (string.IsNullOrWhiteSpace(d.Reason))
            return new Rejection(400, "decision.reason", "The decision's reason is missing.", "缺少调整原因。");
        return null;
    }

    public Task<UnitPreview> PreviewMergeAsync(MergeUnits c, CommandContext context) => PreviewAsync(() => MergeAsync(c, context));

    public Task<UnitPreview> PreviewTransferAsync(TransferArea c, CommandContext context) => PreviewAsync(() => TransferAreaAsync(c, context));

    public Task<UnitPreview> PreviewGroupMergeAsync(MergeGroups c, CommandContext context) => PreviewAsync(() => MergeGroupsAsync(c, context));

    private async Task<UnitPreview> PreviewAsync(Func<Task<UnitCommandResult>> command)
    {
        _previewed = [];
        try
        {
            var result = await command();
            var units = _previewed.Select(e => e.Event switch
            {
                UnitEstablished x => new PreviewedUnit(e.Stream, "established", x.GeometryWkt, x.Name),
                UnitsAbsorbed x => new PreviewedUnit(e.Stream, "absorbed", x.GeometryWkt, NameOf(e.Stream)),
                BoundaryAdjusted x => new PreviewedUnit(e.Stream, "adjusted", x.GeometryWkt, NameOf(e.Stream)),
                UnitAbolished => new PreviewedUnit(e.Stream, "abolished", null, NameOf(e.Stream)),
                UnitReparented => new PreviewedUnit(e.Stream, "reparented", null, NameOf(e.Stream)),
                _ => new PreviewedUnit(e.Stream, "vote", null, NameOf(e.Stream)),
            }).ToArray();
            return new UnitPreview(result.Rejection, result.Finding, units);
        }
        finally
        {
            _previewed = null;
        }
    }

    private string? NameOf(Guid id) => _units.TryGetValue(id, out var u) ? u.Latest?.Name : null;

    private static UnitCommandResult Refuse(int status, string field, string reason, string reasonZh) =>
        UnitCommandResult.Refused(new Rejection(status, field, reason, reasonZh));

    /// <summary>Appends through the one write path (all streams in one transaction) and refreshes the touched units.</summary>
    private async Task<Rejection?> AppendAsync(CommandContext context, params (Guid Stream, object Event, bool Start)[] events)
    {
        if (_previewed is not null)
        {
            _previewed.AddRange(events);
            return null;
        }
        var appends = events.GroupBy(e => e.Stream)
            .Select(g => (g.Key, (IReadOnlyList<object>)g.Select(x => x.Event).ToList()))
            .ToList();
        var result = await writer.WriteManyAsync<UnitHistory>(context, appends);
        if (result.Rejection is { } lost)
            return lost;
        await using var query = store.QuerySession();
        foreach (var unit in await query.LoadManyAsync<UnitHistory>(appends.Select(a => a.Key).ToArray()))
            _units[unit.Id] = unit;
        return null;
    }
}
