using System.Text.Json;

namespace Inbox.Web.Endpoints.Api;

/// <summary>The API's RFC 7807 answers, with titles a clinic's developer can act on.</summary>
internal static class ApiProblems
{
    public static IResult NotFound(string what) =>
        Results.Problem(title: $"No {what} has that id.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>400 with `errors` per field; field names in the JSON's camelCase.</summary>
    public static IResult Invalid(IReadOnlyDictionary<string, string[]> errors, string title = "The request has invalid values.") =>
        Results.ValidationProblem(
            errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value),
            title: title);

    /// <summary>409: the record's current state does not allow the change (resolving a resolved conversation, merging a merged-away contact, undoing twice).</summary>
    public static IResult Conflict(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static IResult Unprocessable(string title, string? detail = null) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);
}
