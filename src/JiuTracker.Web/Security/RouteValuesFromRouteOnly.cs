using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace JiuTracker.Web.Security;

/// <summary>
/// A handler parameter or bound property named like a route parameter ({id}, {reportId}) is bound from the route
/// only. Model binding otherwise takes a form field or query value of the same name first, so a form posted to
/// /Recommendations/Edit/6 with id=1 in it would edit recommendation 1, past the check made for 6.
/// </summary>
public sealed class RouteValuesFromRouteOnly : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = model.ActionDescriptor.AttributeRouteInfo?.Template;
        var routeNames = template is null
            ? []
            : RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (routeNames.Count == 0)
        {
            return;
        }

        // Only properties that are bound at all ([BindProperty]); a read-only ReportId stays unbound.
        foreach (var property in model.HandlerProperties.Where(p => p.BindingInfo is { } info && routeNames.Contains(info.BinderModelName ?? p.PropertyName)))
        {
            property.BindingInfo = FromRoute(property.BindingInfo);
        }

        foreach (var parameter in model.HandlerMethods.SelectMany(h => h.Parameters)
            .Where(p => routeNames.Contains(p.BindingInfo?.BinderModelName ?? p.ParameterName)))
        {
            parameter.BindingInfo = FromRoute(parameter.BindingInfo);
        }
    }

    private static BindingInfo FromRoute(BindingInfo? info) => new(info ?? new BindingInfo()) { BindingSource = BindingSource.Path };
}
