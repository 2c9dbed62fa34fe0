namespace JiuTracker.Web.Pages.ReadModels;

public sealed record CommentView(string Text, string Author, DateTimeOffset CreatedAt);
