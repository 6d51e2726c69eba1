namespace Platform.Jurisdiction.Decisions;

/// <summary>An uploaded decision paper (决定文件): its bytes, kept in the store; the decision that cites it records its hash.</summary>
internal sealed class DecisionDocument
{
    public Guid Id { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public byte[] Bytes { get; set; } = [];
}
