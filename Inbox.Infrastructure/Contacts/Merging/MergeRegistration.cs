using Inbox.Core.Contacts.Merging;
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
        services.AddScoped<IMergeParticipant, IdentityMoves>();
        services.AddScoped<IMergeParticipant, ConversationMoves>();
        services.AddScoped<IMergeParticipant, ConsentMoves>();
        services.AddScoped<AppointmentMoves>();
        services.AddScoped<IMergeParticipant>(sp => sp.GetRequiredService<AppointmentMoves>());
        services.AddScoped<IConversationFoldParticipant>(sp => sp.GetRequiredService<AppointmentMoves>());
        services.AddScoped<IConversationFoldParticipant, LabelMoves>();
        services.AddScoped<IContactMerger, ContactMerger>();
        services.AddScoped<MergeReviewQueries>();
        services.AddScoped<IMergeReview>(sp => sp.GetRequiredService<MergeReviewQueries>());
        services.AddScoped<IDuplicateDismissals>(sp => sp.GetRequiredService<MergeReviewQueries>());
        return services;
    }
}
