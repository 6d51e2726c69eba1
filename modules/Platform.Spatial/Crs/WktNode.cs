using System.Globalization;
using System.Text;

namespace Platform.Spatial;

/// <summary>A parsed WKT (1 or 2) element: <c>KEYWORD[arg, arg, …]</c>; args are strings, numbers, bare words or nodes.</summary>
internal sealed class WktNode(string keyword, IReadOnlyList<object> args)
{
    public string Keyword { get; } = keyword;

    public IReadOnlyList<object> Args { get; } = args;

    public string? Name => Args.Count > 0 ? Args[0] as string : null;

    public IEnumerable<WktNode> Children(params string[] keywords) =>
        Args.OfType<WktNode>().Where(n => keywords.Contains(n.Keyword, StringComparer.OrdinalIgnoreCase));

    public WktNode? Child(params string[] keywords) => Children(keywords).FirstOrDefault();

    public double? Number(int index) => index < Args.Count && Args[index] is double d ? d : null;

    public static WktNode Parse(string text)
    {
        var parser = new Parser(text);
        var node = parser.Node();
        parser.End();
        return node;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public WktNode Node()
        {
            var keyword = Word();
            Skip();
            if (_pos >= text.Length || (text[_pos] != '[' && text[_pos] != '('))
            {
                throw Error($"expected '[' after {keyword}");
            }

            var close = text[_pos] == '[' ? ']' : ')';
            _pos++;
            var args = new List<object>();
            while (true)
            {
                Skip();
                args.Add(Arg());
                Skip();
                if (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                    continue;
                }

                if (_pos < text.Length && text[_pos] == close)
                {
                    _pos++;
                    return new WktNode(keyword, args);
                }

                throw Error($"expected ',' or '{close}'");
            }
        }

        public void End()
        {
            Skip();
            if (_pos != text.Length)
            {
                throw Error("unexpected text after the definition");
            }
        }

        private object Arg()
        {
            if (_pos >= text.Length)
            {
                throw Error("unexpected end");
            }

            var c = text[_pos];
            if (c == '"')
            {
                return Quoted();
            }

            if (char.IsDigit(c) || c is '-' or '+' or '.')
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
                {
                    _pos++;
                }

                return double.TryParse(text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? d
                    : throw Error("malformed number");
            }

            var save = _pos;
            var word = Word();
            Skip();
            if (_pos < text.Length && text[_pos] is '[' or '(')
            {
                _pos = save;
                return Node();
            }

            return new Bare(word);
        }

        private string Quoted()
        {
            var sb = new StringBuilder();
            _pos++;
            while (_pos < text.Length)
            {
                if (text[_pos] == '"')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '"')
                    {
                        sb.Append('"');
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    return sb.ToString();
                }

                sb.Append(text[_pos++]);
            }

            throw Error("unterminated string");
        }

        private string Word()
        {
            Skip();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return _pos > start ? text[start.._pos] : throw Error("expected a keyword");
        }

        private void Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private FormatException Error(string what) => new($"WKT: {what} at character {_pos}");
    }

    /// <summary>An unquoted word such as <c>EAST</c>.</summary>
    public sealed record Bare(string Word);
}
