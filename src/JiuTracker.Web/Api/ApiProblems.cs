namespace JiuTracker.Web.Api;

/// <summary>The API's errors, as RFC 9457 problem details (<c>application/problem+json</c>).</summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? Results.Problem(statusCode: status, title: title, detail: detail)
            : Results.ValidationProblem(errors, detail: detail, title: title, statusCode: status);
        return problem.ExecuteAsync(context);
    }

    /// <summary>A 400 for query parameters that cannot be used, each named with what is wrong with it.</summary>
    public static IResult BadQuery(IEnumerable<(string Parameter, string Message)> problems, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Parameter).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            statusCode: status, title: "The request cannot be used", detail: "Nothing was read or changed: see errors, by parameter.");

    /// <summary>A 400 (or 422 for a rule) for a body that cannot be used, each property named with what is wrong with it.</summary>
    public static IResult BadBody(IEnumerable<(string Property, string Message)> problems, int status = StatusCodes.Status400BadRequest) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Property).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            statusCode: status,
            title: status == StatusCodes.Status422UnprocessableEntity ? "The change breaks a rule" : "The request cannot be used",
            detail: "Nothing was saved: see errors, by property.");

    public static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    public static IResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
