using JiuTracker.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace JiuTracker.Web.Requests;

/// <summary>
/// How much of a request body the server reads. Without signing in (and on the pages anyone may use: sign-in, the
/// error pages, health) 16 KB, enough for the sign-in form many times over; signed in, 8 MB, more than any form
/// needs (an API request with a valid token is signed in too); the upload pages (a document, an update workbook) set their own, larger limits and require a signed-in user. A body known to be larger is
/// refused with a 413 before a byte of it is read; a chunked body of unknown length is read up to the limit and
/// refused when it goes past, so nobody can make the server hold more than the limit.
/// </summary>
public static class RequestBodyLimits
{
    public const int AnonymousBytes = 16 * 1024;
    public const int SignedInBytes = 8 * 1024 * 1024;

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error pages re-executed on a request already limited on its way in.
            await next(http);
            return;
        }

        var endpoint = http.GetEndpoint();
        // The default scheme is the pages' cookie; an API request is signed in by its token instead.
        var signedIn = http.User.Identity?.IsAuthenticated == true || await ApiTokenAuthentication.SignsInAsync(http);
        var anonymous = !signedIn || endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        if (!anonymous && endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
        {
            // The upload pages: their own limits, for signed-in users only.
            await next(http);
            return;
        }

        var limit = anonymous ? AnonymousBytes : SignedInBytes;
        if (http.Request.ContentLength > limit || (anonymous && !await FitsAsync(http, limit)))
        {
            await RefuseAsync(http, limit);
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            ValueLengthLimit = Math.Min(limit, new FormOptions().ValueLengthLimit),
            // A page whose form has one field per report (opening a round) says how many values it takes ([FormValueCount]); the body limit still holds.
            ValueCountLimit = (anonymous ? null : endpoint?.Metadata.GetMetadata<IFormOptionsMetadata>()?.ValueCountLimit) ?? new FormOptions().ValueCountLimit,
        }));
        await next(http);
    });

    /// <summary>
    /// Reads a body of unknown length (chunked) up to the anonymous limit, and keeps it in memory for whoever reads it
    /// next: at most <paramref name="limit"/> bytes are ever held.
    /// </summary>
    private static async Task<bool> FitsAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength is not null || !HasBody(http.Request))
        {
            return true;
        }

        var buffer = new byte[limit + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await http.Request.Body.ReadAsync(buffer.AsMemory(read), http.RequestAborted)) > 0)
        {
            read += count;
        }

        if (read > limit)
        {
            return false;
        }

        http.Request.Body = new MemoryStream(buffer, 0, read, writable: false);
        return true;
    }

    private static bool HasBody(HttpRequest request) => request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;

    private static async Task RefuseAsync(HttpContext http, int limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The connection is not kept: the rest of the body is not read.
        http.Response.Headers.Connection = "close";
        // A body of its own, so the status-code page is not re-executed with the same body.
        await http.Response.WriteAsync(
            $"The request is larger than this page accepts ({limit / 1024:N0} KB{(limit == AnonymousBytes ? " without signing in" : "")}). Nothing was read or changed.",
            http.RequestAborted);
    }
}
