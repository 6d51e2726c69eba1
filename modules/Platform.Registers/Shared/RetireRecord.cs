namespace Platform.Registers.Shared;

/// <summary>Takes a record off its register on <paramref name="On"/>, for <paramref name="Reason"/> (every register's retire command).</summary>
[GenerateSerializer, Immutable]
internal sealed record RetireRecord([property: Id(0)] string Reason, [property: Id(1)] DateOnly On);
