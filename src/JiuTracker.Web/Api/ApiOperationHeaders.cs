using System.Globalization;
using Microsoft.OpenApi;

namespace JiuTracker.Web.Api;

/// <summary>Headers an operation reads or answers with, written into its OpenAPI description.</summary>
public static class ApiOperationHeaders
{
    public static RouteHandlerBuilder WithResponseHeader(this RouteHandlerBuilder builder, int status, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true && response is OpenApiResponse answer)
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });

    public static RouteHandlerBuilder WithRequestHeader(this RouteHandlerBuilder builder, string name, string description, bool required) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
