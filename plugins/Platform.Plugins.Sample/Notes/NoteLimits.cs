namespace Platform.Plugins.Sample.Notes;

internal static class NoteLimits
{
    public const int MaxLength = 500;

    /// <summary>The one board the sample endpoints use.</summary>
    public static readonly Guid DefaultBoard = new("5a3b1e1e-0000-4000-8000-000000000001");
}
