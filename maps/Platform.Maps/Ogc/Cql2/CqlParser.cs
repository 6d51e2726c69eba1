using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Platform.Maps.Ogc.Cql2;

/// <summary>
/// Parses CQL2 text (OGC 21-065) into a <see cref="CqlPredicate"/> bound to a collection's queryables.
/// </summary>
/// <remarks>
/// Supported: comparison (<c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c>), <c>IS [NOT] NULL</c>, <c>[NOT] LIKE</c> (<c>%</c>, <c>_</c>,
/// <c>\</c> escapes), <c>[NOT] IN (…)</c>, <c>[NOT] BETWEEN … AND …</c>, <c>AND</c>/<c>OR</c>/<c>NOT</c> and parentheses; the
/// spatial functions <c>S_INTERSECTS</c>, <c>S_DISJOINT</c>, <c>S_CONTAINS</c>, <c>S_WITHIN</c>, <c>S_EQUALS</c>, <c>S_TOUCHES</c>,
/// <c>S_CROSSES</c>, <c>S_OVERLAPS</c> with WKT and <c>BBOX(…)</c> literals in the filter CRS (its axis order); the temporal
/// functions <c>T_*</c> with <c>DATE('…')</c>, <c>TIMESTAMP('…')</c> and <c>INTERVAL(a, b)</c> (<c>'..'</c> = open end).
/// Keywords are case-insensitive; property names are case-sensitive. Not supported: arithmetic, functions such as
/// <c>CASEI</c>, arrays, property-to-property spatial or temporal comparisons. Every error names its 1-based character position.
/// </remarks>
internal sealed class CqlParser
{
    private static readonly HashSet<string> SpatialFunctions =
        ["S_INTERSECTS", "S_DISJOINT", "S_CONTAINS", "S_WITHIN", "S_EQUALS", "S_TOUCHES", "S_CROSSES", "S_OVERLAPS"];

    private static readonly HashSet<string> TemporalFunctions =
    [
        "T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS", "T_FINISHEDBY", "T_FINISHES",
        "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY", "T_STARTS",
    ];

    private static readonly HashSet<string> WktTypes =
        ["POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"];

    private static readonly HashSet<string> Reserved =
        ["AND", "OR", "NOT", "LIKE", "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE", "DATE", "TIMESTAMP", "INTERVAL", "BBOX"];

    private readonly CqlLexer _lexer;
    private readonly CqlQueryables _queryables;
    private readonly Func<Geometry, Geometry> _toStorage;

    private CqlParser(string text, CqlQueryables queryables, Func<Geometry, Geometry> toStorage)
    {
        _lexer = new CqlLexer(text);
        _queryables = queryables;
        _toStorage = toStorage;
    }

    /// <summary>
    /// Parses <paramref name="text"/>. Geometry literals are read in the filter CRS and handed to
    /// <paramref name="toStorage"/> (which swaps axes and reprojects to EPSG:4490).
    /// </summary>
    /// <exception cref="CqlException">Bad syntax, an unknown property, or a value of the wrong type.</exception>
    public static CqlPredicate Parse(string text, CqlQueryables queryables, Func<Geometry, Geometry> toStorage)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new CqlException(1, "The filter is empty.", "筛选条件为空。");
        var parser = new CqlParser(text, queryables, toStorage);
        var predicate = parser.Or();
        var end = parser._lexer.Next();
        if (end.Kind != CqlTokenKind.End)
            throw Error(end, $"Unexpected '{end.Text}' after a complete condition; join conditions with AND or OR.",
                $"完整条件之后出现多余的“{end.Text}”；多个条件请用 AND 或 OR 连接。");
        return predicate;
    }

    private CqlPredicate Or()
    {
        var left = And();
        while (_lexer.Peek().Is("OR"))
        {
            _lexer.Next();
            left = new OrPredicate(left, And());
        }
        return left;
    }

    private CqlPredicate And()
    {
        var left = Not();
        while (_lexer.Peek().Is("AND"))
        {
            _lexer.Next();
            left = new AndPredicate(left, Not());
        }
        return left;
    }

    private CqlPredicate Not()
    {
        if (_lexer.Peek().Is("NOT"))
        {
            _lexer.Next();
            return new NotPredicate(Not());
        }
        return Primary();
    }

    private CqlPredicate Primary()
    {
        var token = _lexer.Peek();
        if (token.Is("("))
        {
            _lexer.Next();
            var inner = Or();
            Expect(")");
            return inner;
        }
        if (token.Kind == CqlTokenKind.Identifier)
        {
            var upper = token.Text.ToUpperInvariant();
            if (SpatialFunctions.Contains(upper))
                return Spatial(upper);
            if (TemporalFunctions.Contains(upper))
                return Temporal(upper);
        }
        return Predicate();
    }

    private CqlPredicate Predicate()
    {
        var start = _lexer.Peek();
        var left = Scalar();
        var op = _lexer.Peek();
        if (op.Kind == CqlTokenKind.Symbol && op.Text is "=" or "<>" or "<" or "<=" or ">" or ">=")
        {
            _lexer.Next();
            var right = Scalar();
            SameType(left, right, op);
            return new ComparisonPredicate(left, op.Text, right);
        }
        if (op.Is("IS"))
        {
            _lexer.Next();
            var negated = TryKeyword("NOT");
            ExpectKeyword("NULL");
            return new IsNullPredicate(left, negated);
        }
        var not = TryKeyword("NOT");
        var keyword = _lexer.Peek();
        if (keyword.Is("LIKE"))
        {
            _lexer.Next();
            var pattern = _lexer.Next();
            if (pattern.Kind != CqlTokenKind.String)
                throw Error(pattern, "LIKE needs a quoted pattern, e.g. '兴隆%'.", "LIKE 之后须为带引号的模式，如 '兴隆%'。");
            if (left.Type != CqlType.String)
                throw Error(start, "LIKE applies to text properties only.", "LIKE 只能用于文本属性。");
            return new LikePredicate(left, LikeRegex(pattern.Text), not);
        }
        if (keyword.Is("IN"))
        {
            _lexer.Next();
            Expect("(");
            var list = new List<CqlScalar>();
            do
            {
                var item = _lexer.Peek();
                var value = Scalar();
                if (value is not LiteralScalar)
                    throw Error(item, "IN lists literal values only.", "IN 列表只能包含字面值。");
                SameType(left, value, item);
                list.Add(value);
            }
            while (TrySymbol(","));
            Expect(")");
            return new InPredicate(left, list, not);
        }
        if (keyword.Is("BETWEEN"))
        {
            _lexer.Next();
            var lowToken = _lexer.Peek();
            var low = Scalar();
            SameType(left, low, lowToken);
            ExpectKeyword("AND");
            var highToken = _lexer.Peek();
            var high = Scalar();
            SameType(left, high, highToken);
            if (left.Type is not (CqlType.Number or CqlType.Temporal))
                throw Error(start, "BETWEEN applies to numbers and dates.", "BETWEEN 只能用于数值和日期。");
            return new BetweenPredicate(left, low, high, not);
        }
        if (not)
            throw Error(keyword, "NOT here must be followed by LIKE, IN or BETWEEN.", "此处 NOT 之后须为 LIKE、IN 或 BETWEEN。");
        if (left.Type == CqlType.Boolean)
            return left is LiteralScalar { LiteralValue: bool b } ? new ConstantPredicate(b) : new ComparisonPredicate(left, "=", new LiteralScalar(true, CqlType.Boolean));
        throw Error(op, op.Kind == CqlTokenKind.End ? "The condition ends here without a comparison operator (=, <>, <, <=, >, >=, LIKE, IN, BETWEEN, IS NULL)."
                : $"Expected a comparison operator (=, <>, <, <=, >, >=, LIKE, IN, BETWEEN, IS NULL), found '{op.Text}'.",
            "此处须为比较运算符（=、<>、<、<=、>、>=、LIKE、IN、BETWEEN、IS NULL）。");
    }

    private CqlScalar Scalar()
    {
        var token = _lexer.Next();
        switch (token.Kind)
        {
            case CqlTokenKind.String:
                return new LiteralScalar(token.Text, CqlType.String);
            case CqlTokenKind.Number:
                if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    throw Error(token, $"'{token.Text}' is not a number.", $"“{token.Text}”不是数值。");
                return new LiteralScalar(number, CqlType.Number);
            case CqlTokenKind.QuotedIdentifier:
                return Property(token);
            case CqlTokenKind.Identifier:
                if (token.Is("TRUE") || token.Is("FALSE"))
                    return new LiteralScalar(token.Is("TRUE"), CqlType.Boolean);
                if (token.Is("DATE") || token.Is("TIMESTAMP"))
                    return new LiteralScalar(InstantLiteral(token).Start, CqlType.Temporal);
                if (_lexer.Peek().Is("("))
                    throw Error(token, $"Function '{token.Text}' is not supported here.", $"此处不支持函数“{token.Text}”。");
                return Property(token);
            default:
                throw Error(token, token.Kind == CqlTokenKind.End ? "The filter ends where a property or value was expected." : $"Expected a property or a value, found '{token.Text}'.",
                    token.Kind == CqlTokenKind.End ? "筛选条件在应为属性或值处结束。" : $"此处应为属性或值，而非“{token.Text}”。");
        }
    }

    private PropertyScalar Property(CqlToken token)
    {
        if (token.Kind == CqlTokenKind.Identifier && Reserved.Contains(token.Text.ToUpperInvariant()))
            throw Error(token, $"'{token.Text}' is a keyword; a property or value was expected here.", $"“{token.Text}”是关键字，此处应为属性或值。");
        if (token.Text == _queryables.GeometryProperty)
            throw Error(token, $"'{token.Text}' is the geometry; use it in a spatial function such as S_INTERSECTS.", $"“{token.Text}”是几何属性，请在 S_INTERSECTS 等空间函数中使用。");
        if (!_queryables.Fields.TryGetValue(token.Text, out var type))
            throw UnknownProperty(token);
        return new PropertyScalar(token.Text, type);
    }

    private SpatialPredicate Spatial(string function)
    {
        _lexer.Next();
        Expect("(");
        var a = GeometryOperand();
        Expect(",");
        var b = GeometryOperand();
        Expect(")");
        if (a is null && b is null)
            throw Error(_lexer.Peek(), $"{function} compares the geometry with a literal, not with itself.", $"{function} 须比较几何属性与几何字面值。");
        return new SpatialPredicate(function, a, b);
    }

    /// <summary>A geometry literal in storage CRS, or null for the collection's geometry property.</summary>
    private Geometry? GeometryOperand()
    {
        var token = _lexer.Peek();
        var upper = token.Text.ToUpperInvariant();
        if (token.Kind is CqlTokenKind.Identifier or CqlTokenKind.QuotedIdentifier && token.Text == _queryables.GeometryProperty)
        {
            _lexer.Next();
            return null;
        }
        if (token.Kind == CqlTokenKind.Identifier && WktTypes.Contains(upper))
            return Transform(Wkt(token), token);
        if (token.Is("BBOX"))
        {
            _lexer.Next();
            Expect("(");
            var numbers = new List<double>();
            do
            {
                var n = _lexer.Next();
                if (n.Kind != CqlTokenKind.Number || !double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw Error(n, "BBOX takes four (or six) numbers.", "BBOX 须为四个（或六个）数。");
                numbers.Add(v);
            }
            while (TrySymbol(","));
            Expect(")");
            if (numbers.Count is not (4 or 6))
                throw Error(token, "BBOX takes four (or six) numbers.", "BBOX 须为四个（或六个）数。");
            var (x1, y1, x2, y2) = numbers.Count == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (numbers[0], numbers[1], numbers[3], numbers[4]);
            if (x1 > x2 || y1 > y2)
                throw Error(token, "BBOX corners are inverted: the lower corner comes first.", "BBOX 坐标颠倒：须先写最小值。");
            var box = new GeometryFactory().ToGeometry(new Envelope(x1, x2, y1, y2));
            return Transform(box, token);
        }
        if (token.Kind is CqlTokenKind.Identifier or CqlTokenKind.QuotedIdentifier && !Reserved.Contains(upper))
        {
            if (_queryables.Fields.ContainsKey(token.Text))
                throw Error(token, $"'{token.Text}' is not a geometry; the geometry property is '{_queryables.GeometryProperty}'.",
                    $"“{token.Text}”不是几何属性；几何属性为“{_queryables.GeometryProperty}”。");
            throw UnknownProperty(token);
        }
        throw Error(token, "Expected the geometry property, a WKT geometry (POINT(…), POLYGON((…)) …) or BBOX(…).",
            "此处应为几何属性、WKT 几何（POINT(…)、POLYGON((…)) 等）或 BBOX(…)。");
    }

    private Geometry Wkt(CqlToken token)
    {
        // The raw text from the keyword to its balanced closing parenthesis goes to NetTopologySuite's WKT reader.
        var text = _lexer.Text;
        var i = token.Start + token.Text.Length;
        var depth = 0;
        var seenParen = false;
        for (; i < text.Length; i++)
        {
            if (text[i] == '(') { depth++; seenParen = true; }
            else if (text[i] == ')' && --depth == 0) { i++; break; }
            else if (!seenParen && char.IsLetter(text[i]) && !IsEmptyKeyword(text, i)) break;
        }
        if (depth != 0)
            throw Error(token, $"The {token.Text.ToUpperInvariant()} literal is not closed with ')'.", $"{token.Text.ToUpperInvariant()} 几何缺少右括号。");
        var wkt = text[token.Start..i];
        _lexer.Offset = i;
        try
        {
            return new WKTReader().Read(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException)
        {
            throw Error(token, $"The geometry {wkt} is not valid WKT: {e.Message}", $"几何 {wkt} 不是有效的 WKT。");
        }
    }

    private static bool IsEmptyKeyword(string text, int i) =>
        string.Compare(text, i, "EMPTY", 0, 5, StringComparison.OrdinalIgnoreCase) == 0 || text[i] is 'Z' or 'z' or 'M' or 'm';

    private Geometry Transform(Geometry literal, CqlToken token)
    {
        try
        {
            return _toStorage(literal);
        }
        catch (Platform.Spatial.CoordinateOutOfRangeException e)
        {
            throw Error(token, $"The geometry is outside the area of the filter CRS: {e.Message}", "几何超出 filter-crs 坐标系的适用范围。");
        }
    }

    private TemporalPredicate Temporal(string function)
    {
        _lexer.Next();
        Expect("(");
        var a = TemporalOperand();
        Expect(",");
        var b = TemporalOperand();
        Expect(")");
        return new TemporalPredicate(function, a, b);
    }

    private CqlTemporal TemporalOperand()
    {
        var token = _lexer.Peek();
        if (token.Is("DATE") || token.Is("TIMESTAMP"))
        {
            _lexer.Next();
            var (start, _) = InstantLiteral(token);
            return new TemporalLiteral(start, start);
        }
        if (token.Is("INTERVAL"))
        {
            _lexer.Next();
            Expect("(");
            var start = IntervalEnd(DateTimeOffset.MinValue);
            Expect(",");
            var end = IntervalEnd(DateTimeOffset.MaxValue);
            Expect(")");
            if (start > end)
                throw Error(token, "The INTERVAL ends before it starts.", "INTERVAL 的结束早于开始。");
            return new TemporalLiteral(start, end);
        }
        if (token.Kind is CqlTokenKind.Identifier or CqlTokenKind.QuotedIdentifier && !Reserved.Contains(token.Text.ToUpperInvariant()))
        {
            _lexer.Next();
            if (!_queryables.Fields.TryGetValue(token.Text, out var type))
                throw UnknownProperty(token);
            if (type != CqlType.Temporal)
                throw Error(token, $"'{token.Text}' is not a date; temporal functions take date properties, DATE(…), TIMESTAMP(…) or INTERVAL(…).",
                    $"“{token.Text}”不是日期属性；时间函数须使用日期属性、DATE(…)、TIMESTAMP(…) 或 INTERVAL(…)。");
            return new TemporalProperty(token.Text);
        }
        throw Error(token, "Expected a date property, DATE('…'), TIMESTAMP('…') or INTERVAL(…, …).", "此处应为日期属性、DATE('…')、TIMESTAMP('…') 或 INTERVAL(…, …)。");
    }

    private DateTimeOffset IntervalEnd(DateTimeOffset open)
    {
        var token = _lexer.Peek();
        if (token.Is("DATE") || token.Is("TIMESTAMP"))
        {
            _lexer.Next();
            return InstantLiteral(token).Start;
        }
        _lexer.Next();
        if (token.Kind != CqlTokenKind.String)
            throw Error(token, "An INTERVAL end is a quoted date or timestamp, or '..' for an open end.", "INTERVAL 的端点须为带引号的日期、时刻，或表示不限的 '..'。");
        if (token.Text == "..")
            return open;
        return CqlTemporal.ParseInstant(token.Text)
               ?? throw Error(token, $"'{token.Text}' is not a date (2020-07-01) or an RFC 3339 timestamp (2020-07-01T08:00:00Z).",
                   $"“{token.Text}”不是日期（2020-07-01）或时刻（2020-07-01T08:00:00Z）。");
    }

    private (DateTimeOffset Start, bool IsDate) InstantLiteral(CqlToken keyword)
    {
        Expect("(");
        var value = _lexer.Next();
        if (value.Kind != CqlTokenKind.String)
            throw Error(value, $"{keyword.Text.ToUpperInvariant()} takes a quoted value, e.g. DATE('2020-07-01').", $"{keyword.Text.ToUpperInvariant()} 须为带引号的值，如 DATE('2020-07-01')。");
        Expect(")");
        var isDate = keyword.Is("DATE");
        var parsed = isDate
            ? DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? CqlScalar.Instant(d) : (DateTimeOffset?)null
            : value.Text.Contains('T', StringComparison.OrdinalIgnoreCase) ? CqlTemporal.ParseInstant(value.Text) : null;
        if (parsed is not { } instant)
            throw Error(value, isDate ? $"'{value.Text}' is not a date (yyyy-mm-dd)." : $"'{value.Text}' is not an RFC 3339 timestamp (2020-07-01T08:00:00Z).",
                isDate ? $"“{value.Text}”不是日期（yyyy-mm-dd）。" : $"“{value.Text}”不是 RFC 3339 时刻（2020-07-01T08:00:00Z）。");
        return (instant, isDate);
    }

    private void SameType(CqlScalar left, CqlScalar right, CqlToken at)
    {
        if (left.Type == right.Type)
            return;
        var hint = left is PropertyScalar p ? $"'{p.Name}' is {Describe(left.Type)}" : $"the left side is {Describe(left.Type)}";
        throw Error(at, $"Cannot compare {Describe(left.Type)} with {Describe(right.Type)}: {hint}{(left.Type == CqlType.Temporal ? "; write DATE('yyyy-mm-dd')" : "")}.",
            $"类型不符：不能将{DescribeZh(left.Type)}与{DescribeZh(right.Type)}比较{(left.Type == CqlType.Temporal ? "；日期请写作 DATE('yyyy-mm-dd')" : "")}。");
    }

    private static string Describe(CqlType type) => type switch
    {
        CqlType.Number => "a number",
        CqlType.Boolean => "a boolean",
        CqlType.Temporal => "a date",
        _ => "text",
    };

    private static string DescribeZh(CqlType type) => type switch
    {
        CqlType.Number => "数值",
        CqlType.Boolean => "布尔值",
        CqlType.Temporal => "日期",
        _ => "文本",
    };

    private static Regex LikeRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '%')
                regex.Append(".*");
            else if (c == '_')
                regex.Append('.');
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private bool TryKeyword(string keyword)
    {
        if (!_lexer.Peek().Is(keyword))
            return false;
        _lexer.Next();
        return true;
    }

    private bool TrySymbol(string symbol) => TryKeyword(symbol);

    private void ExpectKeyword(string keyword) => Expect(keyword);

    private void Expect(string symbol)
    {
        var token = _lexer.Next();
        if (!token.Is(symbol))
            throw Error(token, token.Kind == CqlTokenKind.End ? $"The filter ends where '{symbol}' was expected." : $"Expected '{symbol}', found '{token.Text}'.",
                token.Kind == CqlTokenKind.End ? $"筛选条件在应为“{symbol}”处结束。" : $"此处应为“{symbol}”，而非“{token.Text}”。");
    }

    private CqlException UnknownProperty(CqlToken token)
    {
        var names = string.Join(", ", _queryables.Fields.Keys.Append(_queryables.GeometryProperty));
        return Error(token, $"Unknown property '{token.Text}'. Queryables: {names}.", $"未知属性“{token.Text}”。可查询的属性：{names.Replace(", ", "、", StringComparison.Ordinal)}。");
    }

    private static CqlException Error(CqlToken token, string reason, string reasonZh) => new(token.Start + 1, reason, reasonZh);
}
