using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Core.Channels;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Infrastructure.Messaging;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Csat;

/// <summary>What a resolution added for its survey: the thread message (the survey, or the "not sent" line) and whether it waits in the outbound queue.</summary>
internal sealed record SurveyRows(Guid SurveyId, Guid? MessageId, bool Queued);

/// <summary>
/// The satisfaction survey due when a conversation is resolved in an inbox that asks for one: decides (<see cref="SurveyDecision"/>),
/// adds the <see cref="CsatSurvey"/> row of the episode and either the survey message — queued in the normal outbound
/// queue, so outages retry and the thread shows its ticks — or a system line saying why it did not go. The caller saves
/// everything with the resolution, in one transaction.
/// </summary>
internal sealed class SurveySender(InboxDbContext db)
{
    public async Task<SurveyRows?> AddForResolutionAsync(Conversation conversation, ConversationEpisode episode, DateTimeOffset now, CancellationToken ct)
    {
        var inbox = await db.SharedInboxes.AsNoTracking().Where(i => i.Id == conversation.SharedInboxId)
            .Select(i => new { i.CsatEnabled, i.CsatTemplateName }).FirstOrDefaultAsync(ct);
        if (inbox is not { CsatEnabled: true }) return null;
        // A thread the patient never wrote in (a message the clinic started) has nobody to ask about anything.
        if (conversation.LastInboundChannel is not { } lastChannel || conversation.LastInboundAccountId is not { } lastAccount) return null;

        var states = await db.ReplyChannelStatesAsync(conversation.Id, conversation.ChannelMask, ct);
        var consent = await db.CurrentConsentAsync(conversation.ContactId, ct);
        var whatsApp = states.Any(s => s.Channel == ChannelKind.WhatsApp) ? await db.LastInboundAsync(conversation.Id, ChannelKind.WhatsApp, ct) : null;
        var template = inbox.CsatTemplateName is { } name && whatsApp is not null ? await ApprovedTemplateAsync(name, whatsApp.AccountId, ct) : null;

        var plan = SurveyDecision.Decide(states, consent, template?.Name, now);
        if (!plan.Sends)
        {
            var line = Message.Activity(conversation.Id, lastChannel, lastAccount, SurveyWording.NotSentLine(plan.Outcome), SurveyWording.Author, now);
            db.Messages.Add(line);
            var skipped = new CsatSurvey(episode, conversation.SharedInboxId, episode.Channel ?? lastChannel, plan.Outcome, messageId: null, viaTemplate: false, now);
            db.CsatSurveys.Add(skipped);
            return new SurveyRows(skipped.Id, line.Id, Queued: false);
        }

        var channel = plan.Channel!.Value;
        // Answer the identity (and account) the patient last wrote from on that channel, like a person's reply.
        var to = channel == ChannelKind.WhatsApp && whatsApp is not null ? whatsApp : (await db.LastInboundAsync(conversation.Id, channel, ct))!;
        var message = template is not null && plan.TemplateName is not null
            ? Message.QueueOutbound(conversation.Id, to.IdentityId, channel, to.AccountId, template.Render([]), SurveyWording.Author, now,
                new MessageExtras(Template: new OutboundTemplate(template.Name, template.Language, [])))
            : Message.QueueOutbound(conversation.Id, to.IdentityId, channel, to.AccountId, SurveyWording.Question, SurveyWording.Author, now,
                new MessageExtras(Choices: SurveyWording.Choices));
        db.Messages.Add(message);
        // Not a person's reply (system author): the episode's facts and the reports' human replies are untouched.
        conversation.RecordOutbound(message);
        var survey = new CsatSurvey(episode, conversation.SharedInboxId, channel, SurveyOutcome.Sent, message.Id, viaTemplate: plan.TemplateName is not null, now);
        db.CsatSurveys.Add(survey);
        return new SurveyRows(survey.Id, message.Id, Queued: true);
    }

    /// <summary>The inbox's survey template if it is approved (active) for that WhatsApp number and needs no values filled in.</summary>
    private Task<Core.Templates.MessageTemplate?> ApprovedTemplateAsync(string name, string accountId, CancellationToken ct) =>
        db.MessageTemplates.AsNoTracking()
            .Where(t => t.IsActive && t.Name == name && t.ParameterCount == 0 && (t.AccountId == null || t.AccountId == accountId))
            .OrderBy(t => t.Language).FirstOrDefaultAsync(ct);
}
