using FluentValidation;
using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>What a staff member typed in the composer, before it is queued.</summary>
public sealed record ReplyDraft(string? Text, ChannelKind Channel);

public sealed class ReplyDraftValidator : AbstractValidator<ReplyDraft>
{
    public ReplyDraftValidator()
    {
        RuleFor(d => d.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage("Write a message before sending.");
        RuleFor(d => d.Text)
            .Must((d, t) => t is null || t.Length <= ChannelCapabilities.For(d.Channel).TextLimit)
            .WithMessage((d, t) => $"{ChannelNames.Display(d.Channel)} allows at most {ChannelCapabilities.For(d.Channel).TextLimit:N0} characters; this message has {t?.Length ?? 0:N0}. Shorten it or send it in parts.");
    }
}
