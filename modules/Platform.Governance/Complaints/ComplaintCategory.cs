using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Governance.Complaints;

/// <summary>
/// A category of complaint (投诉类别) with its own extra questions, the body it is routed to and its SLA:
/// accepted within <see cref="AcceptWithinHours"/>, answered (处置回复) within <see cref="RespondWithinHours"/> of filing.
/// Administrators define and revise categories; the stream id follows from the code (<see cref="StreamId"/>).
/// </summary>
public sealed class ComplaintCategory
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string DescriptionZh { get; set; } = "";
    /// <summary><c>property</c> (the compound's property company), <c>community</c> or <c>department</c> (<see cref="Department"/>).</summary>
    public string Route { get; set; } = "community";
    public string? Department { get; set; }
    public double AcceptWithinHours { get; set; }
    public double RespondWithinHours { get; set; }
    public List<CategoryQuestion> Questions { get; set; } = [];
    public bool Retired { get; set; }
    public long Version { get; set; }

    /// <summary>The stream of the category with this code.</summary>
    public static Guid StreamId(string code) => new(MD5.HashData(Encoding.UTF8.GetBytes("governance.complaint_category:" + code)));
}

/// <summary>An extra question of a category: <c>string</c>, <c>text</c>, <c>number</c>, <c>datetime</c> or <c>singlevaluelist</c> (with <see cref="Values"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record CategoryQuestion(
    [property: Id(0)] string Code, [property: Id(1)] string LabelZh, [property: Id(2)] string LabelEn,
    [property: Id(3)] string Datatype, [property: Id(4)] bool Required, [property: Id(5)] QuestionValue[]? Values);

/// <summary>A value of a list question: its key and its label.</summary>
[GenerateSerializer, Immutable]
public sealed record QuestionValue([property: Id(0)] string Key, [property: Id(1)] string NameZh);

/// <summary>A category was defined or revised (the whole definition).</summary>
internal sealed record ComplaintCategoryDefined(
    string Code, string NameZh, string NameEn, string DescriptionZh, string Route, string? Department,
    double AcceptWithinHours, double RespondWithinHours, CategoryQuestion[] Questions);

/// <summary>A category is no longer offered for new complaints.</summary>
internal sealed record ComplaintCategoryRetired(string Code);

internal sealed class ComplaintCategoryProjection : SingleStreamProjection<ComplaintCategory, Guid>
{
    public ComplaintCategoryProjection()
    {
        IncludeType<ComplaintCategoryDefined>();
        IncludeType<ComplaintCategoryRetired>();
    }

    public override ComplaintCategory Evolve(ComplaintCategory? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not ComplaintCategoryDefined)
            return null!;
        var c = snapshot ?? new ComplaintCategory { Id = id };
        switch (e.Data)
        {
            case ComplaintCategoryDefined x:
                (c.Code, c.NameZh, c.NameEn, c.DescriptionZh, c.Route, c.Department) = (x.Code, x.NameZh, x.NameEn, x.DescriptionZh, x.Route, x.Department);
                (c.AcceptWithinHours, c.RespondWithinHours, c.Questions, c.Retired) = (x.AcceptWithinHours, x.RespondWithinHours, [.. x.Questions], false);
                break;
            case ComplaintCategoryRetired:
                c.Retired = true;
                break;
        }
        c.Version = e.Version;
        return c;
    }
}
