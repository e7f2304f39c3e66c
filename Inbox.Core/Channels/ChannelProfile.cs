namespace Inbox.Core.Channels;

/// <summary>What a platform's profile API says about a patient.</summary>
public sealed record ChannelProfile(string? DisplayName, string? PictureUrl = null, string? Language = null);
