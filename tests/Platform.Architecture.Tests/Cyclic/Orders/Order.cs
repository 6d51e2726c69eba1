using Platform.Architecture.Tests.Cyclic.Invoices;

namespace Platform.Architecture.Tests.Cyclic.Orders;

/// <summary>Half of a deliberate namespace cycle for <see cref="NamespaceCycleTests"/>: the reference to Invoices is in the method body only.</summary>
internal sealed class Order
{
    public object Bill() => new Invoice(this);
}
