using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace JiuTracker.Reliability;

/// <summary>
/// The script user's writes through the API with a read-write token (decision 043): reads a recommendation for its
/// <c>ETag</c>, then adds a comment unique to the run with <c>PATCH /api/v1/recommendations/{id}</c> and that ETag as
/// <c>If-Match</c>. A 200 is acknowledged (the comment must be in the history, by the account, "via API token …"), a 412
/// is a conflict (nothing of it may be stored), no answer may or may not be stored. Logged as edits of
/// <see cref="EditPath.Api"/>, so the history check covers them with the pages' edits.
/// </summary>
public sealed class ApiWriter(Uri baseAddress, string runTag, string email, EditLog log)
{
    private readonly Random _random = new(7919);
    private List<int>? _ids;
    private int _writes;

    /// <returns>False when a request of it went unanswered (the app down after a crash, or the run ending).</returns>
    public async Task<bool> WriteOnceAsync(string token)
    {
        using var api = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if ((_ids ??= await IdsAsync(api)) is not { Count: > 0 } ids)
        {
            _ids = null;
            return false;
        }

        var id = ids[_random.Next(ids.Count)];
        var (read, readStatus) = await log.PostLoggedAsync(() => api.GetAsync(new Uri($"/api/v1/recommendations/{id}", UriKind.Relative), CancellationToken.None));
        using var readAnswer = read;
        if (read?.Headers.ETag?.ToString() is not { } etag)
        {
            if (read is not null)
            {
                log.TokenProblem($"GET /api/v1/recommendations/{id} answered {(int)readStatus} without an ETag");
            }

            return read is not null;
        }

        var comment = $"{runTag} api write {Interlocked.Increment(ref _writes).ToString(CultureInfo.InvariantCulture)} by {email}";
        var (response, status) = await log.PostLoggedAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/recommendations/{id}", UriKind.Relative))
            {
                Content = new StringContent(JsonSerializer.Serialize(new { comment }), Encoding.UTF8, "application/merge-patch+json"),
            };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return api.SendAsync(request, CancellationToken.None);
        });
        using var answer = response;
        var outcome = response is null ? EditOutcome.Unanswered
            : status == HttpStatusCode.OK ? EditOutcome.Acknowledged
            : status == HttpStatusCode.PreconditionFailed ? EditOutcome.Conflict
            : LoggedPages.Refusal(status);
        var detail = response is null || outcome == EditOutcome.Acknowledged ? null : $"{(int)status}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
        log.Add(new Edit(email, id, comment, null, outcome, detail, EditPath.Api));
        return response is not null;
    }

    /// <summary>The ids of the first page of the API's recommendations, or null when unanswered.</summary>
    private async Task<List<int>?> IdsAsync(HttpClient api)
    {
        var (response, status) = await log.PostLoggedAsync(() => api.GetAsync(new Uri("/api/v1/recommendations", UriKind.Relative), CancellationToken.None));
        using var answer = response;
        if (response is null || status != HttpStatusCode.OK)
        {
            return null;
        }

        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(CancellationToken.None));
        return [.. list.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt32())];
    }
}
