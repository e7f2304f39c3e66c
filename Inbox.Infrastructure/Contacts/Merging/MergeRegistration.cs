using Inbox.Core.Appointments;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Notes;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Contacts.Merging;

public static class MergeRegistration
{
    /// <summary>
    /// Merge, unmerge and their read side. Participants run in this order on merge and on unmerge (identities first, so later ones can ask who owns what):
    /// a feature whose rows belong to a contact adds one line here (an <see cref="IMergeParticipant"/>), one whose
    /// rows belong to a conversation an <see cref="IConversationFoldParticipant"/>.
    /// </summary>
    public static IServiceCollection AddContactMerging(this IServiceCollection services)
    {
        // Identities go first: the conversations' unmerge asks who owns which identity.
        services.AddScoped<IMergeParticipant>(_ => new ContactRowsMoves<ChannelIdentity>("identity", i => i.ContactId));
        services.AddScoped<IMergeParticipant, ConversationMoves>();
        services.AddScoped<IMergeParticipant, ConsentMoves>();
        services.AddScoped<IMergeParticipant>(_ => new ContactRowsMoves<AppointmentRequest>("appointment", a => a.ContactId, shownAs: "Appointment requests"));

        services.AddScoped<IConversationFoldParticipant>(_ => new ThreadRowsFold<AppointmentRequest>("appointment.thread", a => a.ConversationId));
        services.AddScoped<IConversationFoldParticipant>(_ => new ThreadRowsFold<Mention>("mention", m => m.ConversationId));
        services.AddScoped<IConversationFoldParticipant>(_ => new ThreadRowsFold<Inbox.Core.Csat.CsatSurvey>("csat", s => s.ConversationId));
        services.AddScoped<IConversationFoldParticipant, LabelMoves>();
        services.AddScoped<IContactMerger, ContactMerger>();
        services.AddScoped<MergeReviewQueries>();
        services.AddScoped<IMergeReview>(sp => sp.GetRequiredService<MergeReviewQueries>());
        services.AddScoped<IDuplicateDismissals>(sp => sp.GetRequiredService<MergeReviewQueries>());
        return services;
    }
}
