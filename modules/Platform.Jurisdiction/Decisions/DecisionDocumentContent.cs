using System.IO.Compression;

namespace Platform.Jurisdiction.Decisions;

/// <summary>
/// What a decision paper is, judged by its content (magic bytes), never by its name or the type the browser sent:
/// PDF, PNG, JPEG, or DOCX (a ZIP holding <c>word/document.xml</c>).
/// </summary>
/// <remarks>The same judgement as the linkage module's uploads; each module keeps its own (modules share only the SDK).</remarks>
internal static class DecisionDocumentContent
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The largest decision paper accepted: 10 MiB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly string[] MediaTypes = ["application/pdf", Docx, "image/png", "image/jpeg"];

    public static string? Sniff(byte[] bytes)
    {
        static bool Starts(byte[] b, params byte[] magic) => b.Length >= magic.Length && b.AsSpan(0, magic.Length).SequenceEqual(magic);
        if (Starts(bytes, "%PDF-"u8.ToArray()))
            return "application/pdf";
        if (Starts(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
            return "image/png";
        if (Starts(bytes, 0xFF, 0xD8, 0xFF))
            return "image/jpeg";
        if (Starts(bytes, 0x50, 0x4B, 0x03, 0x04) && IsDocx(bytes))
            return Docx;
        return null;
    }

    private static bool IsDocx(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
