using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Abstractions.Http;

namespace Platform.Host.OpenApi;

/// <summary>
/// Writes who may call each operation into the description: <c>x-platform-roles</c> lists the roles
/// (<c>["*"]</c> any signed-in user, <c>[]</c> anyone), and the summary says it in Chinese and English.
/// Roles are read from the endpoint's authorization policies as the authorization middleware evaluates them.
/// </summary>
internal sealed class RoleRequirementTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var roles = await RolesAsync(metadata);
        var method = context.Description.HttpMethod ?? "GET";
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        // Mirrors AnonymousWriteGuard: a write without a policy still needs a signed-in user.
        if (roles is null && writes && !metadata.OfType<IAllowAnonymous>().Any())
            roles = ["*"];
        var list = roles ?? [];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-platform-roles"] = new JsonNodeExtension(new JsonArray(list.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()));
        var who = list.Count == 0 ? "任何人 · anyone"
            : list.Contains("*") ? "已登录用户 · any signed-in user"
            : $"{string.Join("、", list.Select(RoleNames.Zh))} · {string.Join(", ", list)}";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? $"权限 Roles: {who}" : $"{operation.Description}\n\n权限 Roles: {who}";

        if (metadata.OfType<RequestBodyType>().LastOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken) },
                },
            };
        }
        await ProblemResponses.AddAsync(operation, context, writes, list, cancellationToken);
    }

    /// <summary>The roles the endpoint's policies allow, <c>["*"]</c> for any signed-in user, or null when it has no policy.</summary>
    private async Task<IReadOnlyList<string>?> RolesAsync(IList<object> metadata)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
            return null;
        var found = new List<AuthorizationPolicy>(metadata.OfType<AuthorizationPolicy>());
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            var policy = data.Policy is null ? await policies.GetDefaultPolicyAsync() : await policies.GetPolicyAsync(data.Policy);
            if (policy is not null)
                found.Add(policy);
        }
        if (found.Count == 0)
            return null;
        var roleSets = found.SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>()).Select(r => r.AllowedRoles.ToHashSet()).ToList();
        if (roleSets.Count == 0)
            return ["*"];
        // Every policy must pass: the roles that satisfy all of them.
        var roles = roleSets.Aggregate((a, b) => { a.IntersectWith(b); return a; });
        return [.. Abstractions.Security.PlatformRoles.All.Where(roles.Contains)];
    }
}
