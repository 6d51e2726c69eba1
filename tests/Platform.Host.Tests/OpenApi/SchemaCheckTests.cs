using System.Text.Json;

namespace Platform.Host.Tests.OpenApi;

/// <summary>The checker the OpenAPI test relies on finds what it must, on schemas written by hand.</summary>
public sealed class SchemaCheckTests
{
    private const string Document = """
        {"components":{"schemas":{
          "Site":{"type":"object","required":["id","name"],"properties":{
            "id":{"type":"string","format":"uuid"},"name":{"type":"string"},"budgetWan":{"type":["null","number","string"]},
            "history":{"type":"array","items":{"$ref":"#/components/schemas/Period"}}}},
          "Period":{"type":"object","properties":{"status":{"enum":["approved","completed"]}}},
          "Tags":{"type":"object","additionalProperties":{"type":"integer"}}}}}
        """;

    private static List<string> Problems(string schema, string value)
    {
        using var document = JsonDocument.Parse(Document);
        using var s = JsonDocument.Parse(schema);
        using var v = JsonDocument.Parse(value);
        return new SchemaCheck(document.RootElement.Clone()).Problems(s.RootElement.Clone(), v.RootElement.Clone());
    }

    [Fact]
    public void AnAnswerThatFits_HasNoProblem()
    {
        Assert.Empty(Problems("""{"$ref":"#/components/schemas/Site"}""",
            """{"id":"6a1c4e52-0000-4000-8000-000000000001","name":"兴隆湖","budgetWan":null,"history":[{"status":"approved"}]}"""));
        Assert.Empty(Problems("""{"$ref":"#/components/schemas/Tags"}""", """{"a":1,"b":2}"""));
    }

    [Theory]
    [InlineData("""{"id":"x","name":"a","extra":1}""", "$.extra: answered but not described")]
    [InlineData("""{"id":"x"}""", "$.name: required but missing")]
    [InlineData("""{"id":"x","name":5}""", "$.name: Number where the schema says string")]
    [InlineData("""{"id":"x","name":"a","history":[{"status":"cancelled"}]}""", "$.history[0].status: cancelled is not one of")]
    public void AnAnswerThatDoesNotFit_IsReportedAtItsPath(string value, string expected)
    {
        var problems = Problems("""{"$ref":"#/components/schemas/Site"}""", value);
        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ADictionaryValueOfTheWrongType_IsReported() =>
        Assert.Contains("$.b: String where the schema says integer", Problems("""{"$ref":"#/components/schemas/Tags"}""", """{"a":1,"b":"2"}"""));
}
