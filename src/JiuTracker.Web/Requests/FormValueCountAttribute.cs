using Microsoft.AspNetCore.Http.Metadata;

namespace JiuTracker.Web.Requests;

/// <summary>
/// How many values a page's form may post, when that is more than the form reader's default of 1,024 (one value per
/// report ticked when opening a round). Read by <see cref="RequestBodyLimits"/>, which sets up the form reading before
/// any page filter could (<c>[RequestFormLimits]</c> would come too late, and say so in the log).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FormValueCountAttribute(int limit) : Attribute, IFormOptionsMetadata
{
    public int? ValueCountLimit => limit;

    // Everything else as the request limits set it.
    public bool? BufferBody => null;

    public int? MemoryBufferThreshold => null;

    public long? BufferBodyLengthLimit => null;

    public int? KeyLengthLimit => null;

    public int? ValueLengthLimit => null;

    public int? MultipartBoundaryLengthLimit => null;

    public int? MultipartHeadersCountLimit => null;

    public int? MultipartHeadersLengthLimit => null;

    public long? MultipartBodyLengthLimit => null;
}
