namespace Platform.Abstractions.Commands;

/// <summary>Which check the write path makes of the caller's <see cref="CallerScope"/> before it appends.</summary>
public enum WriteAccess
{
    /// <summary>
    /// The default: when the record is an <see cref="ILocatedRecord"/>, the caller's scope must cover the community
    /// it lies in today, and the community of every new place the command puts it (<see cref="Outcome.At(double, double, string)"/>).
    /// </summary>
    RecordsCommunity,

    /// <summary>
    /// Taking part (a claim, a sign-up): residents act for themselves, so no community check; the grain or a
    /// rule decides whose act it is.
    /// </summary>
    Participation,
}
