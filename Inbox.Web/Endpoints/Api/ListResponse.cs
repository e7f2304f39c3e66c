namespace Inbox.Web.Endpoints.Api;

/// <summary>Every list: a page of items and the cursor for the next page (null on the last).</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? Next);
