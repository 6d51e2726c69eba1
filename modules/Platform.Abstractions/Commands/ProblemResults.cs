using Microsoft.AspNetCore.Http;

namespace Platform.Abstractions.Commands;

/// <summary>Turns refusals into RFC 7807 <c>application/problem+json</c> answers with the field and reason.</summary>
public static class ProblemResults
{
    /// <summary>The problem answer for a refused command.</summary>
    public static IResult ToProblem(this Rejection rejection)
    {
        var extensions = new Dictionary<string, object?>();
        if (rejection.Location is not null)
            extensions["location"] = rejection.Location;
        if (rejection.AreaSquareMetres is not null)
            extensions["areaSquareMetres"] = rejection.AreaSquareMetres;
        if (rejection.DistanceMetres is not null)
            extensions["distanceMetres"] = rejection.DistanceMetres;
        return Problem(rejection.Status, rejection.Field, rejection.Reason, rejection.ReasonZh, extensions);
    }

    /// <summary>A problem answer naming <paramref name="field"/>; <paramref name="reasonZh"/> is added as <c>detailZh</c>.</summary>
    public static IResult Problem(int status, string field, string reason, string? reasonZh = null, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>()) { ["field"] = field };
        if (reasonZh is not null)
            extensions["detailZh"] = reasonZh;
        return Results.Problem(
            detail: reason,
            statusCode: status,
            title: status switch
            {
                400 => "Invalid request",
                401 => "Sign-in required",
                403 => "Not allowed",
                404 => "Not found",
                409 => "Conflict with current state",
                _ => "Request refused",
            },
            extensions: extensions);
    }
}
