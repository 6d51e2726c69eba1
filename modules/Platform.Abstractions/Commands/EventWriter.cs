using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Jurisdiction;

namespace Platform.Abstractions.Commands;

/// <summary>
/// The one write path of the platform. A grain hands it a command's aggregate id and a decision function; it
/// loads the aggregate with Marten's <c>FetchForWriting</c>, checks the caller may change the record where it
/// lies (<see cref="WriteAccess"/>), lets the grain decide, and appends the events with the caller's attribution
/// (user, reason, correlation id) and optimistic concurrency against the version it loaded.
/// </summary>
/// <remarks>
/// Grains keep no copy of what the aggregate document holds: each command reads it fresh here, so the decision
/// is taken against committed state and a stale copy cannot slip through. A concurrent writer (there should be
/// none besides the grain) makes the save fail, answered as 409 with nothing written.
/// Registered by the host as a singleton; plugins receive it through their grains' constructors.
/// </remarks>
public sealed class EventWriter(IDocumentStore store, IJurisdictionLocator jurisdiction, PlaceMustLieWithinTheStreetTerritoryRule territory, ILogger<EventWriter> logger)
{
    /// <summary>Decides a command on aggregate <typeparamref name="T"/> (null while the stream does not exist) and appends what was decided.</summary>
    public Task<CommandResult> WriteAsync<T>(Guid id, CommandContext context, Func<T?, Outcome> decide, WriteAccess access = WriteAccess.RecordsCommunity)
        where T : class =>
        WriteAsync<T>(id, context, current => Task.FromResult(decide(current)), access);

    /// <summary>As <see cref="WriteAsync{T}(Guid, CommandContext, Func{T, Outcome}, WriteAccess)"/>, for decisions that read other records.</summary>
    public async Task<CommandResult> WriteAsync<T>(Guid id, CommandContext context, Func<T?, Task<Outcome>> decide, WriteAccess access = WriteAccess.RecordsCommunity)
        where T : class
    {
        var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<T>(id);
        if (stream.Aggregate is null && stream.StartingVersion > 0)
        {
            // Events without their document: a stream written before its projection existed (an upgrade), or one of
            // another kind. Rebuild the document from the events once; if none comes of them, the id is not a T.
            var state = await session.Events.FetchStreamStateAsync(id);
            await session.DisposeAsync();
            if (state?.AggregateType is { } kind && kind != typeof(T))
                return CommandResult.Refused(409, "id", $"Another kind of record is kept under {id}.", "该编号已用于其他类型的记录。");
            try
            {
                await store.Advanced.RebuildSingleStreamAsync<T>(id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A projection that cannot make a T of these events (they are another record's): the id is not a T.
                logger.LogInformation("Stream {Id} does not rebuild as {Type}: {Error}", id, typeof(T).Name, e.GetType().Name);
                return CommandResult.Refused(409, "id", $"Another kind of record is kept under {id}.", "该编号已用于其他类型的记录。");
            }
            session = store.LightweightSession();
            stream = await session.Events.FetchForWriting<T>(id);
        }
        await using var _ = session;
        var current = stream.Aggregate;
        if (current is null && stream.StartingVersion > 0)
            return CommandResult.Refused(409, "id", $"Another kind of record is kept under {id}.", "该编号已用于其他类型的记录。");
        if (ExpectedVersion.Check(id, stream.StartingVersion ?? 0) is { } stale)
            return stale;
        if (access == WriteAccess.RecordsCommunity && current is ILocatedRecord located
            && await OutsideScopeAsync(context, [new Place(located.Place.Lon, located.Place.Lat, "id")]) is { } denied)
            return new CommandResult(denied, 0);

        var outcome = await decide(current);
        if (outcome.Rejection is { } rejection)
            return new CommandResult(rejection, 0);
        // Where a thing may lie at all comes before who may put it there: a place in another city is refused as such.
        foreach (var place in outcome.Places.Concat(outcome.Extents))
        {
            var shape = place.Shape ?? Platform.Spatial.StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(place.Lon, place.Lat));
            if (await territory.CheckAsync(shape, place.Field) is { } outside)
                return new CommandResult(outside, 0);
        }
        if (access == WriteAccess.RecordsCommunity && outcome.Places.Count > 0
            && await OutsideScopeAsync(context, outcome.Places) is { } deniedThere)
            return new CommandResult(deniedThere, 0);
        if (outcome.Events.Count == 0 && outcome.NewStreams.Count == 0 && outcome.AlsoAppended.Count == 0)
            return CommandResult.Ok(stream.StartingVersion ?? 0);

        session.AttributeTo(context);
        stream.AppendMany(outcome.Events);
        foreach (var other in outcome.NewStreams)
            session.Events.StartStream(other.AggregateType, other.Id, [.. other.Events]);
        foreach (var (otherId, events) in outcome.AlsoAppended)
            session.Events.Append(otherId, [.. events]);
        return await SaveAsync(session, stream.CurrentVersion ?? outcome.Events.Count);
    }

    /// <summary>
    /// Appends to several streams of aggregate <typeparamref name="T"/> in one transaction, for the grain that is
    /// the single writer of a whole register whose rules span its records (the jurisdiction: merges, transfers).
    /// Streams that do not exist yet are started. No community check: such registers are administrators' work,
    /// which their endpoints require.
    /// </summary>
    public async Task<CommandResult> WriteManyAsync<T>(CommandContext context, IReadOnlyList<(Guid Id, IReadOnlyList<object> Events)> appends)
        where T : class
    {
        var ids = appends.Select(a => a.Id).Distinct().ToList();
        await using var session = store.LightweightSession();
        var streams = (await session.Events.FetchManyForWriting<T>(ids)).ToDictionary(s => s.Id);
        foreach (var id in ids)
            if (ExpectedVersion.Check(id, streams[id].StartingVersion ?? 0) is { } stale)
                return stale;
        session.AttributeTo(context);
        foreach (var (id, events) in appends)
            streams[id].AppendMany(events);
        return await SaveAsync(session, appends.Sum(a => a.Events.Count));
    }

    private async Task<CommandResult> SaveAsync(IDocumentSession session, long version)
    {
        try
        {
            await session.SaveChangesAsync();
            return CommandResult.Ok(version);
        }
        catch (Exception e) when (e is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException)
        {
            logger.LogWarning("A write lost a race and was not applied: {Error}", e.GetType().Name);
            return CommandResult.Refused(409, "version", "The record was changed meanwhile; nothing was written. Reload and try again.",
                "该记录刚被修改，本次未写入，请刷新后重试。");
        }
    }

    private async Task<Rejection?> OutsideScopeAsync(CommandContext context, IReadOnlyList<Place> places)
    {
        if (context.Scope.AllCommunities)
            return null;
        var communities = await jurisdiction.CommunitiesOfAsync(places.Select(p => (p.Lon, p.Lat)).ToList(), DateOnly.FromDateTime(DateTime.Today));
        for (var i = 0; i < places.Count; i++)
        {
            if (context.Scope.Covers(communities[i]?.Code))
                continue;
            var name = communities[i]?.Name;
            return new Rejection(403, places[i].Field,
                $"Only administrators and community workers of {name ?? "the community where this record lies"} may change this record.",
                $"只有管理员和{name ?? "该记录所在社区"}的社区工作者可以修改此记录。");
        }
        return null;
    }
}
