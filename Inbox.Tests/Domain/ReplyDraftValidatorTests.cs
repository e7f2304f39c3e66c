using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

public sealed class ReplyDraftValidatorTests
{
    private readonly ReplyDraftValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_reply_is_refused_with_a_clear_message(string? text)
    {
        var result = _validator.Validate(new ReplyDraft(text, ChannelKind.WhatsApp));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ErrorMessage == "Write a message before sending.");
    }

    [Theory]
    [InlineData(ChannelKind.WhatsApp, 4096)]
    [InlineData(ChannelKind.Messenger, 2000)]
    [InlineData(ChannelKind.Line, 5000)]
    public void Each_channel_takes_texts_up_to_its_limit_and_no_longer(ChannelKind channel, int limit)
    {
        Assert.True(_validator.Validate(new ReplyDraft(new string('a', limit), channel)).IsValid);

        var tooLong = _validator.Validate(new ReplyDraft(new string('a', limit + 1), channel));
        Assert.False(tooLong.IsValid);
        Assert.Contains($"at most {limit:N0} characters", tooLong.Errors.Single().ErrorMessage);
    }
}
