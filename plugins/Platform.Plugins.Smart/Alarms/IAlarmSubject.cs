using Orleans.Concurrency;

namespace Platform.Plugins.Smart.Alarms;

/// <summary>
/// The grain an alarm is raised for (a device's): told when staff clear one of its alarms, so that its rule may raise
/// a new one. Declared here, with the alarms, so that the alarm grain calls it without depending on the devices.
/// </summary>
public interface IAlarmSubject : IGrainWithGuidKey
{
    /// <summary>An alarm of this subject was cleared (by staff or by its rule).</summary>
    [AlwaysInterleave]
    Task AlarmClosedAsync(Guid alarmId);
}
