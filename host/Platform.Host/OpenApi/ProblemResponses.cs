using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Platform.Host.OpenApi;

/// <summary>
/// The refusals every operation may answer, as RFC 7807 problem+json (with the platform's <c>field</c> and
/// <c>detailZh</c>): 400 for bad input on writes, 401 and 403 where a role is needed, 404 where the path names a record.
/// </summary>
internal static class ProblemResponses
{
    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, bool writes,
        IReadOnlyList<string> roles, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(PlatformProblem), null, ct);
        operation.Responses ??= new OpenApiResponses();
        void Add(string status, string description)
        {
            if (!operation.Responses.ContainsKey(status))
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
                };
        }
        if (writes || operation.Parameters?.Count > 0)
            Add("400", "请求无效 · Invalid request (the field and the reason)");
        if (roles.Count > 0)
        {
            Add("401", "需要登录 · Sign-in required");
            if (!roles.Contains("*"))
                Add("403", "无权操作 · Not allowed for this role or community");
        }
        if (context.Description.RelativePath?.Contains('{') == true)
            Add("404", "找不到该记录 · Not found");
        if (writes)
            Add("409", "与当前状态冲突 · Conflict with the current state");
    }

    /// <summary>The shape of the platform's problem answers, for the description.</summary>
    internal sealed class PlatformProblem : ProblemDetails
    {
        /// <summary>The request field at fault (<c>name</c>, <c>geometry</c>, <c>coordinates[3]</c>, <c>body</c>).</summary>
        public string? Field { get; set; }

        /// <summary>The reason in Chinese.</summary>
        public string? DetailZh { get; set; }
    }
}
