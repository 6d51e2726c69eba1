using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Sample.Notes;

/// <summary>A note board as read models see it: its notes in the order they were posted.</summary>
public sealed class NoteBoard
{
    public Guid Id { get; set; }
    public List<Note> Notes { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>One note: its text, who posted it and when.</summary>
public sealed record Note(string Text, string? PostedBy, DateTimeOffset PostedAt);

/// <summary>Folds a board's stream into its <see cref="NoteBoard"/> (inline: a note is listed by the next read).</summary>
public sealed class NoteBoardProjection : SingleStreamProjection<NoteBoard, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public NoteBoardProjection() => IncludeType<NotePosted>();

    public override NoteBoard Evolve(NoteBoard? snapshot, Guid id, IEvent e)
    {
        var board = snapshot ?? new NoteBoard { Id = id };
        if (e.Data is NotePosted posted)
            board.Notes.Add(new Note(posted.Text, e.UserName, e.Timestamp));
        board.Version = e.Version;
        return board;
    }
}
