namespace Platform.Maps.Ogc.Cql2;

internal enum CqlTokenKind { Identifier, QuotedIdentifier, String, Number, Symbol, End }

/// <summary>One token of CQL2 text; <see cref="Start"/> is the 0-based offset in the filter.</summary>
internal readonly record struct CqlToken(CqlTokenKind Kind, string Text, int Start)
{
    public bool Is(string keyword) =>
        (Kind == CqlTokenKind.Identifier || Kind == CqlTokenKind.Symbol) && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
