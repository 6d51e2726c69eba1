using Platform.Abstractions.Security;

namespace Platform.Plugins.Vitality.Groups;

/// <summary>The group reached an incubation stage (<see cref="GroupStages"/>) on <paramref name="On"/>.</summary>
public sealed record GroupStageReached(string Stage, DateOnly On);

/// <summary>A resident joined the group.</summary>
public sealed record GroupMemberJoined([property: PersonalData] string Member, DateOnly On);

/// <summary>A member left the group.</summary>
public sealed record GroupMemberLeft([property: PersonalData] string Member, DateOnly On);

/// <summary>The group was made (or ceased to be) its community's specialty group (特色, 一社区一特色).</summary>
public sealed record GroupSignatureChanged(bool Signature);

/// <summary>An incubation stage of a resident group.</summary>
public sealed record GroupStage(string Code, string NameZh, string NameEn, int Rank);

/// <summary>The incubation of self-organisations: 萌芽 (sprouting) → 登记 (registered) → 成熟 (mature).</summary>
public static class GroupStages
{
    public const string Sprouting = "sprouting";
    public const string Registered = "registered";
    public const string Mature = "mature";

    public static readonly IReadOnlyList<GroupStage> All =
    [
        new(Sprouting, "萌芽", "Sprouting", 0),
        new(Registered, "登记", "Registered", 1),
        new(Mature, "成熟", "Mature", 2),
    ];

    public static GroupStage? Find(string? code) => All.FirstOrDefault(s => s.Code == code);
}
