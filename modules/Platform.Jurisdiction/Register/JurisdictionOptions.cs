namespace Platform.Jurisdiction.Register;

/// <summary>Settings of the jurisdiction register (configuration section <c>Jurisdiction</c>).</summary>
public sealed class JurisdictionOptions
{
    /// <summary>
    /// Overlap between units of one tier, or a group beyond its parent, tolerated in m² — boundaries
    /// digitised separately rarely meet exactly. Default 10 m².
    /// </summary>
    public double OverlapToleranceSquareMetres { get; set; } = 10;

    /// <summary>The name of the street this deployment serves; the register's grain key.</summary>
    public string StreetName { get; set; } = "兴隆街道";
}
