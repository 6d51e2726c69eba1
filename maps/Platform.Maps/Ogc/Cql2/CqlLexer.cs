using System.Text;

namespace Platform.Maps.Ogc.Cql2;

/// <summary>Splits CQL2 text into tokens on demand, so the parser can hand a WKT literal's raw text to a WKT reader.</summary>
internal sealed class CqlLexer(string text)
{
    public string Text => text;

    public int Offset { get; set; }

    public CqlToken Next()
    {
        while (Offset < text.Length && char.IsWhiteSpace(text[Offset]))
            Offset++;
        if (Offset >= text.Length)
            return new CqlToken(CqlTokenKind.End, "", text.Length);
        var start = Offset;
        var c = text[Offset];
        if (c == '\'')
            return new CqlToken(CqlTokenKind.String, Quoted('\''), start);
        if (c == '"')
            return new CqlToken(CqlTokenKind.QuotedIdentifier, Quoted('"'), start);
        if (char.IsDigit(c) || ((c is '-' or '+' or '.') && Offset + 1 < text.Length && (char.IsDigit(text[Offset + 1]) || text[Offset + 1] == '.')))
        {
            Offset++;
            while (Offset < text.Length && (char.IsDigit(text[Offset]) || text[Offset] is '.' or 'e' or 'E'
                       || (text[Offset] is '-' or '+' && text[Offset - 1] is 'e' or 'E')))
                Offset++;
            return new CqlToken(CqlTokenKind.Number, text[start..Offset], start);
        }
        if (char.IsLetter(c) || c == '_')
        {
            while (Offset < text.Length && (char.IsLetterOrDigit(text[Offset]) || text[Offset] is '_' or '.' or ':'))
                Offset++;
            return new CqlToken(CqlTokenKind.Identifier, text[start..Offset], start);
        }
        foreach (var symbol in (string[])["<>", "<=", ">=", "=", "<", ">", "(", ")", ","])
        {
            if (string.CompareOrdinal(text, Offset, symbol, 0, symbol.Length) == 0)
            {
                Offset += symbol.Length;
                return new CqlToken(CqlTokenKind.Symbol, symbol, start);
            }
        }
        throw new CqlException(start + 1, $"Unexpected character '{c}'.", $"无法识别的字符“{c}”。");
    }

    public CqlToken Peek()
    {
        var at = Offset;
        var token = Next();
        Offset = at;
        return token;
    }

    private string Quoted(char quote)
    {
        var start = Offset;
        var value = new StringBuilder();
        Offset++;
        while (true)
        {
            if (Offset >= text.Length)
                throw new CqlException(start + 1, $"The quoted text starting here is not closed with {quote}.", $"此处开始的引号文字缺少结束的 {quote}。");
            if (text[Offset] == quote)
            {
                // A doubled quote stands for one quote character (CQL2 text, like SQL).
                if (Offset + 1 < text.Length && text[Offset + 1] == quote)
                {
                    value.Append(quote);
                    Offset += 2;
                    continue;
                }
                Offset++;
                return value.ToString();
            }
            value.Append(text[Offset++]);
        }
    }
}
