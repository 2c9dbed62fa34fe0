using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;

namespace JiuTracker.Web.Export.Document;

/// <summary>What the file says about itself (File › Properties): its title, the organization, and the as-of date.</summary>
internal static class DocumentProperties
{
    /// <summary>The format id Word gives its custom properties.</summary>
    private const string CustomPropertiesFormat = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    public static void AddTo(WordprocessingDocument document, string title, string organization, DateOnly asOf)
    {
        document.PackageProperties.Title = title;
        document.PackageProperties.Creator = organization;
        document.PackageProperties.Subject = $"Status as of {asOf:yyyy-MM-dd}";

        var extended = document.AddExtendedFilePropertiesPart();
        extended.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
            new DocumentFormat.OpenXml.ExtendedProperties.Company(organization));

        var custom = document.AddCustomFilePropertiesPart();
        custom.Properties = new Properties(
            new CustomDocumentProperty(new VTFileTime($"{asOf:yyyy-MM-dd}T00:00:00Z")) { FormatId = CustomPropertiesFormat, PropertyId = 2, Name = "As of" });
    }
}
