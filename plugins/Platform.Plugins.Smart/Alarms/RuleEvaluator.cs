using Platform.Plugins.Smart.Profiles;

namespace Platform.Plugins.Smart.Alarms;

/// <summary>Where one threshold rule stands for one device: since when its condition holds, on how many readings in a row, and its open alarm.</summary>
public sealed class RuleState
{
    public DateTimeOffset? Since { get; set; }
    public int Count { get; set; }
    public Guid? OpenAlarm { get; set; }

    /// <summary>The value that last met the condition (for the alarm's record).</summary>
    public double? Value { get; set; }
}

/// <summary>What a reading (or the clock) means for a rule.</summary>
public enum RuleVerdict
{
    /// <summary>Nothing changes.</summary>
    None,
    /// <summary>The condition holds but not yet long enough: look again at the returned time.</summary>
    Wait,
    /// <summary>Raise the alarm.</summary>
    Raise,
    /// <summary>Clear the open alarm.</summary>
    Clear,
}

/// <summary>ThingsBoard's alarm-rule semantics for threshold rules, without side effects (the device grain acts on the verdicts).</summary>
public static class RuleEvaluator
{
    /// <summary>A reading of the rule's key: <paramref name="value"/> at <paramref name="ts"/>.</summary>
    public static (RuleVerdict Verdict, DateTimeOffset? LookAgainAt) OnReading(AlarmRule rule, RuleState state, double value, DateTimeOffset ts)
    {
        if (!AlarmRules.Holds(rule.Operator!, value, rule.Threshold!.Value))
        {
            state.Since = null;
            state.Count = 0;
            return state.OpenAlarm is null ? (RuleVerdict.None, null) : (RuleVerdict.Clear, null);
        }
        state.Since ??= ts;
        state.Count++;
        state.Value = value;
        return Due(rule, state, ts);
    }

    /// <summary>The clock reached <paramref name="now"/>: a duration may have run out without a new reading.</summary>
    public static (RuleVerdict Verdict, DateTimeOffset? LookAgainAt) OnClock(AlarmRule rule, RuleState state, DateTimeOffset now) =>
        state.Since is null ? (RuleVerdict.None, null) : Due(rule, state, now);

    private static (RuleVerdict, DateTimeOffset?) Due(AlarmRule rule, RuleState state, DateTimeOffset now)
    {
        if (state.OpenAlarm is not null || state.Count < Math.Max(1, rule.RepeatCount))
            return (RuleVerdict.None, null);
        var due = state.Since!.Value.AddSeconds(rule.DurationSeconds);
        return now >= due ? (RuleVerdict.Raise, null) : (RuleVerdict.Wait, due);
    }
}
