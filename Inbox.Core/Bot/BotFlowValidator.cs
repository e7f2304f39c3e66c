using FluentValidation;

namespace Inbox.Core.Bot;

/// <summary>What a flow must satisfy to be saved: texts the patient sees, menus within every platform's limits, a usable clock.</summary>
public sealed class BotFlowValidator : AbstractValidator<BotFlow>
{
    // WhatsApp lists hold 10 rows; a reply button's body holds 1 024 characters (welcome + consent question go together).
    public const int MaxMenuItems = 10;
    public const int TextMax = 1000;

    public BotFlowValidator()
    {
        RuleFor(f => f.Welcome).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.ConsentQuestion).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f).Must(f => f.Welcome.Length + f.ConsentQuestion.Length <= TextMax)
            .WithName("Welcome").WithMessage($"The welcome and the consent question together must fit in {TextMax} characters (one message with buttons).");
        RuleFor(f => f.ConsentAcceptLabel).NotEmpty().MaximumLength(BotMenuItem.TitleMax);
        RuleFor(f => f.ConsentDeclineLabel).NotEmpty().MaximumLength(BotMenuItem.TitleMax);
        RuleFor(f => f.PersonLabel).NotEmpty().MaximumLength(BotMenuItem.TitleMax);
        RuleFor(f => f.MenuLabel).NotEmpty().MaximumLength(BotMenuItem.TitleMax);
        RuleFor(f => f.MenuPrompt).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.Menu).NotEmpty().WithMessage("The menu needs at least one item.")
            .Must(m => m.Count <= MaxMenuItems).WithMessage($"At most {MaxMenuItems} menu items (a WhatsApp list holds {MaxMenuItems}).")
            .Must(m => m.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() == m.Count).WithMessage("Menu item ids must be different.")
            .Must(m => m.Select(i => i.Title.Trim().ToLowerInvariant()).Distinct().Count() == m.Count).WithMessage("Menu titles must be different.")
            .Must(m => m.Any(i => i.Action == BotMenuAction.Handover)).WithMessage("Patients must always be able to reach a person: add an item that hands over.");
        RuleForEach(f => f.Menu).ChildRules(item =>
        {
            item.RuleFor(i => i.Id).NotEmpty().MaximumLength(40).Matches("^[a-z0-9-]+$").WithMessage("Ids use lowercase letters, digits and dashes.");
            item.RuleFor(i => i.Title).NotEmpty().MaximumLength(BotMenuItem.TitleMax);
            item.RuleFor(i => i.Answer).NotEmpty().When(i => i.Action == BotMenuAction.Answer).WithMessage("An answer item needs its answer.");
            item.RuleFor(i => i.Answer).MaximumLength(TextMax);
        });
        RuleFor(f => f.BookingServices).Must(s => s.Count <= MaxMenuItems).WithMessage($"At most {MaxMenuItems} services.")
            .Must(s => s.All(x => x.Trim().Length is > 0 and <= 24)).WithMessage("Each service needs a name of 1 to 24 characters (a WhatsApp list row).");
        RuleFor(f => f.BookingServices).NotEmpty().When(f => f.Menu.Any(i => i.Action == BotMenuAction.Book)).WithMessage("Booking needs at least one service.");
        RuleFor(f => f.AskService).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.AskPreferredTime).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.AskName).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.AskDateOfBirth).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.InvalidDateOfBirth).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.BookingDone).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.NotUnderstood).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.OfferPerson).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.Transfer).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.WaitInHours).NotEmpty().MaximumLength(TextMax);
        RuleFor(f => f.WaitOutOfHours).NotEmpty().MaximumLength(TextMax)
            .Must(t => t.Contains("{opening}", StringComparison.Ordinal)).WithMessage("Say when people are back: include {opening}.");
        RuleFor(f => f.TypicalWaitMinutes).InclusiveBetween(1, 24 * 60);
        RuleFor(f => f.EmergencyNumber).NotEmpty().MaximumLength(20).Matches(@"^[0-9+ ()-]+$").WithMessage("The emergency number uses digits, spaces, + ( ) and -.");
        RuleFor(f => f.UrgentReply).NotEmpty().MaximumLength(TextMax)
            .Must(t => t.Contains("{number}", StringComparison.Ordinal)).WithMessage("The urgent reply must give the emergency number: include {number}.");
        RuleFor(f => f.UrgentWords).Must(w => w.Any(l => l.List().Any())).WithMessage("Add urgent words in at least one language.");
        RuleFor(f => f.OptOutWords).Must(w => w.Any(l => l.List().Any())).WithMessage("Add opt-out words (such as STOP) in at least one language.");
        RuleForEach(f => f.UrgentWords).ChildRules(LanguageRules);
        RuleForEach(f => f.OptOutWords).ChildRules(LanguageRules);
        RuleFor(f => f.Hours.TimeZone).Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out _)).WithName("Time zone")
            .WithMessage("Unknown time zone: use an IANA name such as Asia/Bangkok.");
        RuleForEach(f => f.Hours.Days).Must(d => d.Opens < d.Closes).WithName("Opening hours").WithMessage("Each day must open before it closes.");
    }

    private static void LanguageRules(InlineValidator<LanguageWords> words)
    {
        words.RuleFor(w => w.Language).NotEmpty().MaximumLength(40);
        words.RuleFor(w => w.Words).MaximumLength(2000);
    }
}
