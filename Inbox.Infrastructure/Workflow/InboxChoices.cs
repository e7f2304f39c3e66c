using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Labels;

namespace Inbox.Infrastructure.Workflow;

/// <summary>The inbox's menus: labels from the catalogue, people and teams from <see cref="StaffAgents"/>, accounts from the directory.</summary>
internal sealed class InboxChoices(StaffAgents staff, LabelAdmin labels, IChannelAccountDirectory accounts) : IInboxChoices
{
    public Task<IReadOnlyList<LabelChip>> LabelsAsync(CancellationToken ct) => labels.AllAsync(ct);

    public async Task<IReadOnlyList<PersonChoice>> AssignableAsync(Guid sharedInboxId, CancellationToken ct) =>
        (await staff.AssignableAsync(sharedInboxId, ct)).Select(p => new PersonChoice(p.Id, p.Name)).ToList();

    public async Task<IReadOnlyList<TeamChoice>> TeamsAsync(Guid? sharedInboxId, CancellationToken ct) =>
        (sharedInboxId is { } id ? await staff.TeamsServingAsync(id, ct) : await staff.AllTeamsAsync(ct)).Select(t => new TeamChoice(t.Id, t.Name)).ToList();

    public async Task<IReadOnlyList<PersonChoice>> PeopleAsync(CancellationToken ct) =>
        (await staff.NamesAsync(ct)).Select(p => new PersonChoice(p.Id, p.Name)).ToList();

    public Task<IReadOnlyList<AccountChoice>> AccountsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AccountChoice>>(Enum.GetValues<ChannelKind>()
            .SelectMany(c => accounts.For(c)).Select(a => new AccountChoice(a.Channel, a.AccountId, $"{ChannelNames.Display(a.Channel)} · {a.DisplayName}")).ToList());
}
