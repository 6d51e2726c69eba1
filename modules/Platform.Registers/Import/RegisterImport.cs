namespace Platform.Registers.Import;

/// <summary>
/// A file imported into a register: its SHA-256, who imported it and when, and the records it created, so the same
/// file a second time is recognised. Kept as a document beside the records' own streams, which carry the history.
/// </summary>
internal sealed class RegisterImport
{
    public Guid Id { get; set; }

    public string Register { get; set; } = "";

    /// <summary>SHA-256 of the uploaded bytes, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    public string Format { get; set; } = "";

    public string? ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public List<Guid> RecordIds { get; set; } = [];
}
