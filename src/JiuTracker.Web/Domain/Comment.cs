namespace JiuTracker.Web.Domain;

/// <summary>The organization's remark on a recommendation (the document's "ITU Comments" column).</summary>
public class Comment
{
    /// <summary>The longest comment a form accepts, and the message when one is longer.</summary>
    public const int MaxLength = 10_000;

    public const string TooLongMessage = "A comment can have at most 10,000 characters.";

    private Comment()
    {
    }

    internal Comment(Recommendation recommendation, string text, ChangeStamp stamp)
    {
        Recommendation = recommendation;
        Text = text;
        Author = stamp.By;
        CreatedAt = stamp.At;
    }

    public int Id { get; private set; }

    public int RecommendationId { get; private set; }

    public Recommendation Recommendation { get; private set; } = null!;

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
