using Platform.Architecture.Tests.Cyclic.Orders;

namespace Platform.Architecture.Tests.Cyclic.Invoices;

/// <summary>The other half of the deliberate cycle: Invoices uses Orders through a signature.</summary>
internal sealed class Invoice(Order order)
{
    public Order Order { get; } = order;
}
