namespace Platform.Reports.Model;

/// <summary>No community or village with the code asked for exists on the report's date.</summary>
internal sealed class UnknownCommunityException(string code, DateOnly date)
    : Exception($"No community or village has the code '{code}' on {date:yyyy-MM-dd}.")
{
    public string Code { get; } = code;
}
