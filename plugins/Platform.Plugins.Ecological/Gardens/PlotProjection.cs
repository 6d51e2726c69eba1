using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>Folds a plot's stream into its <see cref="PlotView"/> (inline: a claim is visible to the next read).</summary>
/// <remarks>
/// An Evolve-only projection is offered the events of every stream; it makes a document only for streams that start
/// with <see cref="PlotLaidOut"/>, so garden and household streams (and other modules') get no stray PlotView.
/// </remarks>
public sealed class PlotProjection : SingleStreamProjection<PlotView, Guid>
{
    public PlotProjection()
    {
        IncludeType<PlotLaidOut>();
        IncludeType<PlotClaimed>();
        IncludeType<PlotReleased>();
        IncludeType<PlotTransferred>();
        IncludeType<PlotRenewed>();
        IncludeType<PlotOffered>();
        IncludeType<PlotOfferLapsed>();
        IncludeType<PlotReserved>();
        IncludeType<PlotReservationLifted>();
    }

    public override PlotView? Evolve(PlotView? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not PlotLaidOut)
            return null;
        var view = snapshot ?? new PlotView { Id = id };
        view.Fold(e.Data);
        return view;
    }
}
