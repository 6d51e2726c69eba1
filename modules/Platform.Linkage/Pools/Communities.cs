using Platform.Abstractions.Jurisdiction;

namespace Platform.Linkage.Pools;

/// <summary>Looks a community or village up by code on a date, through the jurisdiction's SDK contract.</summary>
internal static class Communities
{
    public static async Task<UnitRef?> FindAsync(IJurisdictionLocator jurisdiction, string? code, DateOnly on) =>
        code is null ? null : (await jurisdiction.CommunitiesAsync(on)).FirstOrDefault(u => u.Code == code);
}
