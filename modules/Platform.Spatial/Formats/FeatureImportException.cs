namespace Platform.Spatial;

/// <summary>
/// A GIS file that cannot be imported: unreadable archive, missing part, unknown CRS, wrong or undetectable text
/// encoding (garbled Chinese), bad numbers. The message says what was found and what to do.
/// </summary>
public sealed class FeatureImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">English explanation naming what was found.</param>
    /// <param name="messageZh">Chinese explanation for users.</param>
    /// <param name="inner">Underlying exception, if any.</param>
    public FeatureImportException(string message, string messageZh, Exception? inner = null)
        : base(message, inner)
    {
        MessageZh = messageZh;
    }

    /// <summary>The explanation in Chinese.</summary>
    public string MessageZh { get; }
}
