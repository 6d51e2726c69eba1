namespace Platform.Linkage.Projects;

/// <summary>Settings under <c>Platform:Linkage</c>.</summary>
public sealed class LinkageOptions
{
    /// <summary>The shortest public notice (公示期) in days, both ends counted; 7 unless set.</summary>
    public int NoticeDays { get; set; } = 7;

    /// <summary>The largest uploaded document in bytes; 10 MiB unless set.</summary>
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;
}
