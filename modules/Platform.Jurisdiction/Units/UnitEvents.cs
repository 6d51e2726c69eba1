namespace Platform.Jurisdiction.Units;

// Facts about one administrative unit, each on that unit's stream. Geometry is WKT in EPSG:4490.

/// <summary>A unit came into being (created, or newly established as the successor of others: 更名新建).</summary>
internal sealed record UnitEstablished(string Code, string Name, UnitLevel Level, Guid? ParentId, string GeometryWkt, Decision Decision, Guid[] Predecessors);

/// <summary>The unit was renamed.</summary>
internal sealed record UnitRenamed(string Name, Decision Decision);

/// <summary>A village became a community (村改居).</summary>
internal sealed record VillageConvertedToCommunity(string Name, string Code, Decision Decision);

/// <summary>The unit was abolished and merged into <paramref name="SuccessorId"/> (撤村并村, 小组合并).</summary>
internal sealed record UnitAbolished(Guid SuccessorId, Decision Decision);

/// <summary>The unit took in abolished units; its boundary is now the union.</summary>
internal sealed record UnitsAbsorbed(Guid[] AbsorbedIds, string GeometryWkt, Decision Decision);

/// <summary>Part of an area moved between units (范围调整); this is the unit's new boundary.</summary>
internal sealed record BoundaryAdjusted(string GeometryWkt, Guid CounterpartId, Decision Decision);

/// <summary>A resident group now belongs to another community or village (its old one was merged).</summary>
internal sealed record UnitReparented(Guid ParentId, Decision Decision);

/// <summary>A household representatives' meeting voted on merging resident groups (户代表会议 现场表决).</summary>
internal sealed record HouseholdVoteHeld(Guid[] GroupIds, HouseholdVote Vote, bool Passed, string Finding, Decision Decision);

/// <summary>An area owned by another street is managed by this one from the decision date (托管).</summary>
internal sealed record DelegationGranted(string Name, string OwnerStreet, string ManagingStreet, string GeometryWkt, Decision Decision);
