using Inbox.Core.Csat;

namespace Inbox.Tests.Domain;

/// <summary>What counts as an answer to the satisfaction survey; anything else is an ordinary message.</summary>
public sealed class SurveyAnswerTests
{
    [Theory]
    [InlineData("csat:1", 1)]
    [InlineData("csat:5", 5)]
    public void A_tapped_choice_is_its_rating(string payload, int rating)
    {
        Assert.Equal(new SurveyAnswer(rating, null), SurveyAnswer.Parse("whatever the title says", payload));
    }

    [Theory]
    [InlineData("4", 4, null)]
    [InlineData(" 5 ", 5, null)]
    [InlineData("4 great nurse", 4, "great nurse")]
    [InlineData("4 - great nurse", 4, "great nurse")]
    [InlineData("3. too long a wait", 3, "too long a wait")]
    [InlineData("4/5", 4, null)]
    [InlineData("2 / 5 rude on the phone", 2, "rude on the phone")]
    [InlineData("★★★★", 4, null)]
    [InlineData("⭐️⭐️⭐️ ok", 3, "ok")]
    [InlineData("5 · Excellent", 5, null)]
    [InlineData("1 · Very poor", 1, null)]
    [InlineData("5\nthe dentist was lovely", 5, "the dentist was lovely")]
    public void Text_that_starts_with_a_rating_is_a_rating_and_the_rest_is_the_comment(string text, int rating, string? comment)
    {
        Assert.Equal(new SurveyAnswer(rating, comment), SurveyAnswer.Parse(text, choiceId: null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("thanks!", null)]
    [InlineData("can I book again for Tuesday?", null)]
    [InlineData("0", null)]
    [InlineData("6", null)]
    [InlineData("45", null)]
    [InlineData("4pm tomorrow?", null)]
    [InlineData("4.5", null)]
    [InlineData("4/10", null)]
    [InlineData("★★★★★★", null)]
    [InlineData("I'd say 5", null)]
    [InlineData("hello", "menu:book")]
    [InlineData("hello", "csat:9")]
    public void Anything_else_is_not_a_rating(string? text, string? choiceId)
    {
        Assert.Null(SurveyAnswer.Parse(text, choiceId));
    }

    [Fact]
    public void The_five_choices_carry_payloads_csat_1_to_5_best_first()
    {
        Assert.Equal(["csat:5", "csat:4", "csat:3", "csat:2", "csat:1"], SurveyWording.Choices.Select(c => c.Id));
        Assert.All(SurveyWording.Choices, c => Assert.True(c.Title.Length <= 20, "fits a WhatsApp reply button/list row and a LINE label"));
    }
}
