using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;

namespace Platform.Abstractions.Media;

/// <summary>
/// Photos must be JPEG or PNG images (known by their bytes, not by what the client says) of at most
/// <see cref="MaxBytes"/>, and lose their EXIF/XMP metadata — the camera's GPS position among it — before they are stored.
/// Every module and plugin that takes a photo (complaints, inspection findings, venues) takes it through
/// <see cref="ReadUploadAsync"/> and <see cref="Check"/>.
/// </summary>
public static class PhotosAreImagesWithoutTheirLocationRule
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The bytes of the multipart/form-data field <c>photo</c> (size checked before and after reading the form), the
    /// form itself for the endpoint's other fields, or a 400 problem naming the field <c>photo</c>.
    /// </summary>
    public static async Task<(byte[]? Data, IFormCollection? Form, IResult? Problem)> ReadUploadAsync(HttpContext http, string? otherFieldsEn = null, string? otherFieldsZh = null)
    {
        if (!http.Request.HasFormContentType)
            return (null, null, ProblemResults.Problem(400, "photo", $"Send the photo as multipart/form-data in the field 'photo'{otherFieldsEn}.",
                $"请以 multipart/form-data 的 photo 字段上传照片{otherFieldsZh}。"));
        if (http.Request.ContentLength > MaxBytes + 64 * 1024)
            return (null, null, TooLarge());
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form.Files.GetFile("photo") is not { } file)
            return (null, form, RequestBody.Missing("photo", "照片"));
        if (file.Length > MaxBytes)
            return (null, form, TooLarge());
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        return (buffer.ToArray(), form, null);
    }

    private static IResult TooLarge() =>
        ProblemResults.Problem(400, "photo", $"A photo may be at most {MaxBytes / 1024 / 1024} MB.", $"照片不能超过 {MaxBytes / 1024 / 1024} MB。");

    /// <summary>The image with its metadata removed and its content type, or the reason it is refused.</summary>
    public static (byte[]? Clean, string? ContentType, string? Reason, string? ReasonZh) Check(byte[] data)
    {
        if (data.Length == 0)
            return (null, null, "The photo is empty.", "照片为空。");
        if (data.Length > MaxBytes)
            return (null, null, $"A photo may be at most {MaxBytes / 1024 / 1024} MB.", $"照片不能超过 {MaxBytes / 1024 / 1024} MB。");
        if (data.Length > 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return StripJpeg(data) is { } jpeg ? (jpeg, "image/jpeg", null, null) : (null, null, "The JPEG file is damaged.", "JPEG 文件已损坏。");
        if (data.AsSpan().StartsWith(PngSignature))
            return StripPng(data) is { } png ? (png, "image/png", null, null) : (null, null, "The PNG file is damaged.", "PNG 文件已损坏。");
        return (null, null, "A photo must be a JPEG or PNG image.", "照片须为 JPEG 或 PNG 图片。");
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Copies the JPEG's segments except APP1 (EXIF, XMP), APP13 (IPTC) and comments; image data after SOS is kept as is.</summary>
    private static byte[]? StripJpeg(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data, 0, 2);
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
                return null;
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker == 0xDA || marker == 0xD9)
            {
                output.Write(data, i, data.Length - i);
                return output.ToArray();
            }
            var length = (data[i + 2] << 8) | data[i + 3];
            if (length < 2 || i + 2 + length > data.Length)
                return null;
            var drop = marker == 0xE1 || marker == 0xED || marker == 0xFE;
            if (!drop)
                output.Write(data, i, 2 + length);
            i += 2 + length;
        }
        return null;
    }

    /// <summary>Copies the PNG's chunks except eXIf and the text chunks (which carry XMP).</summary>
    private static byte[]? StripPng(byte[] data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        var i = PngSignature.Length;
        while (i + 12 <= data.Length)
        {
            var length = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
            if (length < 0 || i + 12L + length > data.Length)
                return null;
            var type = System.Text.Encoding.ASCII.GetString(data, i + 4, 4);
            if (type is not ("eXIf" or "tEXt" or "iTXt" or "zTXt"))
                output.Write(data, i, 12 + length);
            i += 12 + length;
            if (type == "IEND")
                return output.ToArray();
        }
        return null;
    }
}
