using Inbox.Core.Contacts;

namespace Inbox.Tests.Domain;

public sealed class NameKeysTests
{
    [Theory]
    [InlineData("Anna Müller", "Müller, Anna")]
    [InlineData("Anna Müller", "ANNA MULLER")]
    [InlineData("Chen Wei", "Wei Chen")]
    [InlineData("陳偉", "陈伟")]
    [InlineData("José  da Silva", "jose da silva")]
    public void Spellings_of_one_name_share_the_exact_key(string a, string b) => Assert.Equal(NameKeys.Exact(a), NameKeys.Exact(b));

    [Theory]
    [InlineData("Siti Rahmah", "Siti Rahma")]
    [InlineData("Mohammed Ali", "Muhamad Ali")]
    [InlineData("Budi Santoso", "Budi Santosso")]
    public void Near_spellings_share_the_sound_key_but_not_the_exact_one(string a, string b)
    {
        Assert.Equal(NameKeys.Sound(a), NameKeys.Sound(b));
        Assert.NotEqual(NameKeys.Exact(a), NameKeys.Exact(b));
    }

    [Theory]
    [InlineData("Anna Müller", "Hanna Miller")]
    [InlineData("陈伟", "陈玮")]
    [InlineData("Budi Santoso", "Budi Susanto")]
    public void Different_names_do_not_match(string a, string b) => Assert.NotEqual(NameKeys.Sound(a), NameKeys.Sound(b));

    [Fact]
    public void An_unknown_patient_has_no_key_so_nameless_contacts_are_not_all_duplicates_of_each_other() =>
        Assert.Equal("", NameKeys.Exact(Contact.UnknownName));
}

public sealed class DuplicateRulesTests
{
    private static DuplicateProfile Profile(string name, string? phone = null, string? email = null, DateOnly? born = null) =>
        new(Guid.NewGuid(), name, phone, email, born, NameKeys.Exact(name), NameKeys.Sound(name));

    [Fact]
    public void The_same_phone_typed_differently_is_a_strong_match_with_the_number_as_reason()
    {
        var a = Profile("Budi Santoso", PhoneNumber.Parse("0812 5550 105", "ID").Value);
        var b = Profile("B. Santoso", PhoneNumber.Parse("+62 812-5550-105").Value);
        var suggestion = DuplicateRules.Score(a, b)!;
        Assert.Equal(DuplicateRules.SamePhone, suggestion.Score);
        Assert.Equal(["Same phone number (+62 812-5550-105)"], suggestion.Reasons);
    }

    [Fact]
    public void Signals_add_up_as_independent_evidence()
    {
        var born = new DateOnly(1980, 5, 17);
        var a = Profile("Siti Rahmah", "+60125550104", "siti@example.test", born);
        var b = Profile("Siti Rahma", "+60125550104", "SITI@example.test", born);
        var suggestion = DuplicateRules.Score(a, b)!;
        Assert.Equal(Math.Round(1 - (1 - 0.9) * (1 - 0.8) * (1 - 0.6), 3), suggestion.Score);
        Assert.Equal(3, suggestion.Reasons.Count);
    }

    [Fact]
    public void A_same_name_alone_is_weak_and_with_the_birth_date_is_strong()
    {
        var born = new DateOnly(1975, 1, 2);
        Assert.Equal(DuplicateRules.SameName, DuplicateRules.Score(Profile("Chen Wei"), Profile("Wei Chen"))!.Score);
        Assert.Equal(DuplicateRules.SameNameAndBirthDate, DuplicateRules.Score(Profile("Chen Wei", born: born), Profile("陳偉") with { NameKey = NameKeys.Exact("Chen Wei"), DateOfBirth = born })!.Score);
    }

    [Fact]
    public void Nothing_in_common_and_the_contact_itself_are_not_suggested()
    {
        var a = Profile("Anna Müller", "+4915550100001");
        Assert.Null(DuplicateRules.Score(a, Profile("Maria Santos", "+5511955500103")));
        Assert.Null(DuplicateRules.Score(a, a));
    }
}

public sealed class MessageTemplateTests
{
    [Fact]
    public void Values_fill_the_numbered_places_in_order()
    {
        var template = new Inbox.Core.Templates.MessageTemplate(null, "lab_ready", "id", "Halo {{1}}, hasil lab Anda siap. Ambil sebelum {{2}}.", DateTimeOffset.UnixEpoch);
        Assert.Equal(2, template.ParameterCount);
        Assert.Equal("Halo Budi, hasil lab Anda siap. Ambil sebelum Jumat.", template.Render(["Budi", "Jumat"]));
        Assert.Throws<Inbox.Core.Common.InboxDomainException>(() => template.Render(["Budi"]));
        Assert.Throws<Inbox.Core.Common.InboxDomainException>(() => template.Render(["Budi", " "]));
    }

    [Theory]
    [InlineData("Appointment Reminder", "en_US", "Hello {{1}}")]
    [InlineData("reminder", "english", "Hello {{1}}")]
    [InlineData("reminder", "en_US", "Hello {{1}} and {{3}}")]
    [InlineData("reminder", "en_US", "")]
    public void A_template_not_as_meta_writes_them_is_refused(string name, string language, string body) =>
        Assert.Throws<Inbox.Core.Common.InboxDomainException>(() => new Inbox.Core.Templates.MessageTemplate(null, name, language, body, DateTimeOffset.UnixEpoch));
}
