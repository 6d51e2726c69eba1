namespace Platform.Plugins.Sample.Notes;

/// <summary>A note was posted on the board.</summary>
public sealed record NotePosted(string Text);
