using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Governance.Complaints;

/// <summary>
/// A response template (回复模板, FixMyStreet's "response templates"): a reply text that staff pick when they answer a
/// complaint, offered for the categories it names (all categories when it names none), optionally with the status the
/// answer moves the complaint to. Administrators keep them; retired templates are no longer offered.
/// </summary>
public sealed class ResponseTemplate
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> Categories { get; set; } = [];
    /// <summary>The status the reply moves the complaint to (<c>accepted</c>, <c>in_progress</c>, <c>responded</c>), or null to leave it to the worker.</summary>
    public string? Status { get; set; }
    public bool Retired { get; set; }
    public long Version { get; set; }
}

/// <summary>A template as an administrator sends it.</summary>
[GenerateSerializer, Immutable]
public sealed record SaveResponseTemplate([property: Id(0)] string Title, [property: Id(1)] string Text, [property: Id(2)] string[] Categories, [property: Id(3)] string? Status);

/// <summary>A response template was written or revised (the whole template).</summary>
internal sealed record ResponseTemplateSaved(string Title, string Text, string[] Categories, string? Status);

/// <summary>A response template is no longer offered.</summary>
internal sealed record ResponseTemplateRetired(string Reason);

internal sealed class ResponseTemplateProjection : SingleStreamProjection<ResponseTemplate, Guid>
{
    public ResponseTemplateProjection()
    {
        IncludeType<ResponseTemplateSaved>();
        IncludeType<ResponseTemplateRetired>();
    }

    public override ResponseTemplate Evolve(ResponseTemplate? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not ResponseTemplateSaved)
            return null!;
        var t = snapshot ?? new ResponseTemplate { Id = id };
        switch (e.Data)
        {
            case ResponseTemplateSaved x:
                (t.Title, t.Text, t.Categories, t.Status, t.Retired) = (x.Title, x.Text, [.. x.Categories], x.Status, false);
                break;
            case ResponseTemplateRetired:
                t.Retired = true;
                break;
        }
        t.Version = e.Version;
        return t;
    }
}

/// <summary>The single writer of one response template's stream.</summary>
public interface IResponseTemplateGrain : IGrainWithGuidKey
{
    Task<CommandResult> SaveAsync(SaveResponseTemplate command, IReadOnlySet<string> knownCategories, CommandContext context);

    Task<CommandResult> RetireAsync(string reason, CommandContext context);
}

[GrainType("governance.response_template")]
internal sealed class ResponseTemplateGrain(EventWriter writer) : Grain, IResponseTemplateGrain
{
    private static readonly string?[] Statuses = [null, ComplaintStatus.Accepted, ComplaintStatus.InProgress, ComplaintStatus.Responded];

    public Task<CommandResult> SaveAsync(SaveResponseTemplate c, IReadOnlySet<string> knownCategories, CommandContext context) =>
        writer.WriteAsync<ResponseTemplate>(this.GetPrimaryKey(), context, _ =>
        {
            if (string.IsNullOrWhiteSpace(c.Title) || c.Title.Trim().Length > 50)
                return Outcome.Refuse(400, "title", "The title is required (at most 50 characters).", "模板标题必填（不超过 50 字）。");
            if (string.IsNullOrWhiteSpace(c.Text) || c.Text.Length > 2000)
                return Outcome.Refuse(400, "text", "The reply text is required (at most 2000 characters).", "回复内容必填（不超过 2000 字）。");
            for (var i = 0; i < c.Categories.Length; i++)
                if (!knownCategories.Contains(c.Categories[i]))
                    return Outcome.Refuse(400, $"categories[{i}]", $"Unknown complaint category '{c.Categories[i]}'.", $"未知的投诉类别“{c.Categories[i]}”。");
            if (!Statuses.Contains(c.Status))
                return Outcome.Refuse(400, "status", "status is accepted, in_progress, responded or null.", "状态须为 accepted（受理）、in_progress（处置中）、responded（处置回复）或留空。");
            return Outcome.Append(new ResponseTemplateSaved(c.Title.Trim(), c.Text.Trim(), [.. c.Categories.Distinct()], c.Status));
        });

    public Task<CommandResult> RetireAsync(string reason, CommandContext context) =>
        writer.WriteAsync<ResponseTemplate>(this.GetPrimaryKey(), context, t =>
            t is null ? Outcome.Refuse(404, "id", "No such response template.", "找不到该回复模板。")
            : t.Retired ? Outcome.Refuse(409, "id", "The template is already retired.", "该模板已停用。")
            : Outcome.Append(new ResponseTemplateRetired(reason.Trim())));
}
