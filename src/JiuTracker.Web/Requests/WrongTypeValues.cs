using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace JiuTracker.Web.Requests;

/// <summary>
/// A value of the wrong type (<c>?asOf=garbage</c>) explained in words, the same for a page's form and an endpoint's
/// address: the field, the value and what it should be, never the program's type names.
/// </summary>
public sealed partial class WrongTypeValues : IBindingMetadataProvider
{
    public static string Describe(string field, string typeName, string value) => $"{field}: \"{value}\" is not {Expected(typeName)}.";

    /// <summary>The framework's binding failure of an endpoint ("Failed to bind parameter …") in words; null for any other refusal.</summary>
    public static string? FromEndpointRefusal(string message) => ParameterOfEndpointRefusal(message)?.Message;

    /// <summary>The same, with the parameter the address names ("asOf"), for an API problem keyed by parameter.</summary>
    public static (string Parameter, string Message)? ParameterOfEndpointRefusal(string message)
    {
        if (FailedBinding().Match(message) is not { Success: true } failed)
        {
            return null;
        }

        var name = AddressName(failed.Groups["name"].Value);
        return (name, Describe(name, failed.Groups["type"].Value, failed.Groups["value"].Value));
    }

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        if (Expected(type.Name) == SomeValue)
        {
            return;
        }

        var messages = new DefaultModelBindingMessageProvider();
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => Describe(field, type.Name, value));
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }

    private const string SomeValue = "a value this field takes";

    private static string Expected(string typeName) => typeName.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "DateOnly" => "a date; write it as YYYY-MM-DD",
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "bool" or "Boolean" => "true or false",
        _ => SomeValue,
    };

    /// <summary>An endpoint names the property ("AsOf"); the address spells it "asOf".</summary>
    private static string AddressName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();
}
