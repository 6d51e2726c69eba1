namespace Platform.Plugins.Ecological.Households;

/// <summary>
/// A household registered (报名) to take part: householder, compound (小区) as given, an optional compound id from the
/// compound register, and a contact (phone). Householder and contact are personal data: staff only.
/// </summary>
public sealed record HouseholdRegistered(
    string Householder,
    string Compound,
    string? CompoundId,
    string Contact,
    int? Members,
    string RegisteredBy,
    DateTimeOffset At);
