using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

public sealed record PersonChoice(string Id, string Name);

public sealed record TeamChoice(Guid Id, string Name);

public sealed record AccountChoice(ChannelKind Channel, string AccountId, string Name);

/// <summary>What the inbox's menus and filters offer: labels, people, teams, channel accounts.</summary>
public interface IInboxChoices
{
    Task<IReadOnlyList<LabelChip>> LabelsAsync(CancellationToken ct);

    /// <summary>Who a conversation of this inbox can be given to.</summary>
    Task<IReadOnlyList<PersonChoice>> AssignableAsync(Guid sharedInboxId, CancellationToken ct);

    /// <summary>Teams serving the inbox (null: every team).</summary>
    Task<IReadOnlyList<TeamChoice>> TeamsAsync(Guid? sharedInboxId, CancellationToken ct);

    /// <summary>Every active staff member (the assignee filter).</summary>
    Task<IReadOnlyList<PersonChoice>> PeopleAsync(CancellationToken ct);

    Task<IReadOnlyList<AccountChoice>> AccountsAsync(CancellationToken ct);
}
