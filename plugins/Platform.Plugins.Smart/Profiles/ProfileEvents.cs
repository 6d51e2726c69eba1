namespace Platform.Plugins.Smart.Profiles;

/// <summary>A device profile was created: devices of this profile go offline after <paramref name="OfflineAfterSeconds"/> without a message, and its rules apply to them.</summary>
public sealed record ProfileCreated(string Name, string? Description, int OfflineAfterSeconds, AlarmRule[] Rules, DateTimeOffset At);

/// <summary>A profile's rules (and offline timeout) were replaced as a whole.</summary>
public sealed record ProfileRulesChanged(int OfflineAfterSeconds, AlarmRule[] Rules, DateTimeOffset At);
