using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Abstractions.Http;

/// <summary>
/// The history of one record as an HTTP answer: each change with its type, time, user, reason and what it
/// recorded (<see cref="HistoryEntry"/>). Only streams of the kind asked for are answered, and properties marked
/// <see cref="PersonalDataAttribute"/> are left out for callers who may not see personal data.
/// </summary>
public static class StreamHistory
{
    /// <summary>
    /// The history of <paramref name="id"/> when it is a record of kind <typeparamref name="TRecord"/> (its aggregate
    /// document exists); 404 for any other id, whatever else is recorded under it.
    /// </summary>
    public static async Task<IResult> AnswerAsync<TRecord>(HttpContext http, Guid id) where TRecord : class
    {
        var session = http.RequestServices.GetRequiredService<IQuerySession>();
        if (await session.LoadAsync<TRecord>(id, http.RequestAborted) is null)
            return ProblemResults.Problem(404, "id", $"No record of this kind is kept under {id}.", "找不到该类记录。");
        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var personal = http.User.MaySeePersonalData();
        return Results.Ok(events.Select(e => HistoryEntry.Of(e, options, personal)).ToList());
    }
}

/// <summary>One change of a record as the history answers it: never the stored event itself.</summary>
/// <param name="Version">The record's version after this change (1 for the first).</param>
/// <param name="Type">The change's stable name (the event alias, e.g. <c>registers.site_registered</c>).</param>
/// <param name="At">When it was recorded.</param>
/// <param name="User">Who made it (the account name; null for callers who may not see personal data).</param>
/// <param name="Reason">Why, or the decision's document number.</param>
/// <param name="CorrelationId">Ties together the changes of one request.</param>
/// <param name="Changes">What the change recorded, without personal fields unless the caller may see them.</param>
public sealed record HistoryEntry(long Version, string Type, DateTimeOffset At, string? User, string? Reason, string? CorrelationId, JsonObject Changes)
{
    internal static HistoryEntry Of(IEvent e, JsonSerializerOptions options, bool personal)
    {
        var changes = JsonSerializer.SerializeToNode(e.Data, e.Data.GetType(), options) as JsonObject ?? [];
        if (!personal)
        {
            foreach (var name in PersonalProperties(e.Data.GetType(), options))
                changes.Remove(name);
        }
        var reason = e.Headers is { } h && h.TryGetValue(EventAttribution.ReasonHeader, out var r) ? r?.ToString() : null;
        return new HistoryEntry(e.Version, e.EventTypeName, e.Timestamp, personal ? e.UserName : null, reason, e.CorrelationId, changes);
    }

    /// <summary>The JSON names of the properties of <paramref name="type"/> marked personal (on the property or the record's parameter).</summary>
    public static IEnumerable<string> PersonalProperties(Type type, JsonSerializerOptions options)
    {
        var personalParameters = type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null)
            .Select(p => p.Name!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null || personalParameters.Contains(p.Name))
            .Select(p => options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name);
    }
}
