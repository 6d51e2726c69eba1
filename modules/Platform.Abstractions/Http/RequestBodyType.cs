using Microsoft.AspNetCore.Builder;

namespace Platform.Abstractions.Http;

/// <summary>
/// Endpoint metadata naming the JSON body an endpoint reads with <see cref="RequestBody.ReadAsync{T}"/>, so the API
/// description (<c>/openapi/v1.json</c>) shows its schema. Description only: unlike <c>Accepts&lt;T&gt;</c> it
/// changes no routing (no 415 for a missing content type — the endpoint answers a bad body itself, naming the field).
/// </summary>
public sealed record RequestBodyType(Type Type);

/// <summary>Declaring the body of an endpoint for the API description.</summary>
public static class RequestBodyTypeExtensions
{
    /// <summary>The endpoint reads a JSON <typeparamref name="T"/> (with <see cref="RequestBody.ReadAsync{T}"/>). Since SDK 1.3.</summary>
    public static RouteHandlerBuilder WithRequestBody<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestBodyType(typeof(T)));
}
