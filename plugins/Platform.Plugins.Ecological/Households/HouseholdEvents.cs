using Platform.Abstractions.Security;

namespace Platform.Plugins.Ecological.Households;

/// <summary>
/// A household registered (报名) to take part: householder, compound (小区) as given, an optional compound id from the
/// compound register, and a contact (phone). Householder and contact are personal data: staff only.
/// </summary>
public sealed record HouseholdRegistered(
    [property: PersonalData] string Householder,
    string Compound,
    string? CompoundId,
    [property: PersonalData] string Contact,
    int? Members,
    [property: PersonalData] string RegisteredBy,
    DateTimeOffset At);
