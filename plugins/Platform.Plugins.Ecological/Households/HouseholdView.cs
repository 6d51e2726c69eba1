using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Ecological.Households;

/// <summary>A registered household. <see cref="Householder"/> and <see cref="Contact"/> are personal data: staff only.</summary>
public sealed class HouseholdView
{
    public Guid Id { get; set; }
    public string Householder { get; set; } = "";
    public string Compound { get; set; } = "";
    public string? CompoundId { get; set; }
    public string Contact { get; set; } = "";
    public int? Members { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>Folds a household's stream into its <see cref="HouseholdView"/>; only <see cref="HouseholdRegistered"/> makes one.</summary>
public sealed class HouseholdProjection : SingleStreamProjection<HouseholdView, Guid>
{
    public HouseholdProjection() => IncludeType<HouseholdRegistered>();

    public override HouseholdView? Evolve(HouseholdView? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not HouseholdRegistered)
            return null;
        var view = snapshot ?? new HouseholdView { Id = id };
        if (e.Data is HouseholdRegistered r)
        {
            view.Householder = r.Householder;
            view.Compound = r.Compound;
            view.CompoundId = r.CompoundId;
            view.Contact = r.Contact;
            view.Members = r.Members;
            view.RegisteredBy = r.RegisteredBy;
            view.RegisteredAt = r.At;
        }
        return view;
    }
}
