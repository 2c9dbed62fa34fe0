using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

/// <summary>The labels people read and the codes kept in history: each value's exact words, and codes read back.</summary>
public class StatusVocabularyTests
{
    [Theory]
    [InlineData(Acceptance.Accepted, "Accepted", "accepted")]
    [InlineData(Acceptance.NotAccepted, "Not accepted", "not-accepted")]
    [InlineData(Acceptance.NotRelevant, "Not relevant", "not-relevant")]
    [InlineData(Acceptance.UnderConsideration, "Requires further consideration", "under-consideration")]
    public void Acceptance_HasItsLabelAndCode_AndItsCodeReadsBack(Acceptance value, string label, string code)
    {
        Assert.Equal((label, code), (value.Label(), value.Code()));
        Assert.Equal(value, StatusVocabulary.AcceptanceFromCode(code));
        Assert.Equal(label, StatusVocabulary.LabelOfCode(HistoryField.Acceptance, code));
        Assert.Equal(label, ((Acceptance?)value).LabelOrNotRecorded());
    }

    [Theory]
    [InlineData(ImplementationStatus.NotStarted, "Not started", "not-started")]
    [InlineData(ImplementationStatus.InProgress, "In progress", "in-progress")]
    [InlineData(ImplementationStatus.Implemented, "Implemented", "implemented")]
    public void Implementation_HasItsLabelAndCode_AndItsCodeReadsBack(ImplementationStatus value, string label, string code)
    {
        Assert.Equal((label, code), (value.Label(), value.Code()));
        Assert.Equal(value, StatusVocabulary.ImplementationFromCode(code));
        Assert.Equal(label, StatusVocabulary.LabelOfCode(HistoryField.Implementation, code));
        Assert.Equal(label, ((ImplementationStatus?)value).LabelOrNotRecorded());
    }

    [Theory]
    [InlineData(Addressee.ExecutiveHeads, "Executive heads", "executive-heads")]
    [InlineData(Addressee.LegislativeBodies, "Legislative/governing bodies", "legislative-bodies")]
    [InlineData(Addressee.Other, "Other", "other")]
    public void Addressee_HasItsLabelAndCode_AndItsCodeReadsBack(Addressee value, string label, string code)
    {
        Assert.Equal((label, code), (value.Label(), value.Code()));
        Assert.Equal(label, StatusVocabulary.LabelOfCode(HistoryField.Addressee, code));
    }

    [Theory]
    [InlineData(CebCommentsStatus.NotYetAvailable, "Not yet available")]
    [InlineData(CebCommentsStatus.Available, "Available")]
    public void CebComments_HasItsLabel(CebCommentsStatus value, string label) => Assert.Equal(label, value.Label());

    [Theory]
    [InlineData(HistoryField.Acceptance, "Acceptance")]
    [InlineData(HistoryField.Implementation, "Implementation")]
    [InlineData(HistoryField.Comment, "Comment added")]
    [InlineData(HistoryField.Withdrawal, "Withdrawal")]
    [InlineData(HistoryField.Text, "Text")]
    [InlineData(HistoryField.Addressee, "Addressee")]
    [InlineData(HistoryField.Deadline, "Deadline")]
    [InlineData(HistoryField.Note, "Information-only note")]
    public void HistoryField_HasItsLabel(HistoryField value, string label) => Assert.Equal(label, value.Label());

    [Fact]
    public void NoStatus_ReadsNotRecorded()
    {
        Assert.Equal("Not recorded", ((Acceptance?)null).LabelOrNotRecorded());
        Assert.Equal("Not recorded", ((ImplementationStatus?)null).LabelOrNotRecorded());
        Assert.Null(StatusVocabulary.AcceptanceFromCode(null));
        Assert.Null(StatusVocabulary.ImplementationFromCode(null));
    }

    [Theory]
    [InlineData(HistoryField.Acceptance, null, "Not recorded")]
    [InlineData(HistoryField.Implementation, null, "Not recorded")]
    [InlineData(HistoryField.Deadline, null, "")]
    [InlineData(HistoryField.Comment, null, "")]
    [InlineData(HistoryField.Acceptance, "agreed", "agreed")]
    [InlineData(HistoryField.Implementation, "done", "done")]
    [InlineData(HistoryField.Addressee, "board", "board")]
    [InlineData(HistoryField.Deadline, "2024", "2024")]
    [InlineData(HistoryField.Comment, "accepted", "accepted")]
    public void LabelOfCode_ShowsAMissingOrUnknownCodeAsItIs(HistoryField field, string? code, string expected) =>
        Assert.Equal(expected, StatusVocabulary.LabelOfCode(field, code));

    [Fact]
    public void FromCode_RefusesAnUnknownCode()
    {
        Assert.Throws<InvalidOperationException>(() => StatusVocabulary.AcceptanceFromCode("agreed"));
        Assert.Throws<InvalidOperationException>(() => StatusVocabulary.ImplementationFromCode("done"));
    }

    [Fact]
    public void Label_OfAValueOutsideTheEnum_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((Acceptance)99).Label());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ImplementationStatus)99).Code());
        Assert.Equal("99", ((HistoryField)99).Label());
    }

    [Theory]
    [InlineData("Accepted", Acceptance.Accepted)]
    [InlineData(" not  accepted", Acceptance.NotAccepted)]
    [InlineData("NOTACCEPTED", Acceptance.NotAccepted)]
    [InlineData("not-accepted", Acceptance.NotAccepted)]
    [InlineData("Not Relevant", Acceptance.NotRelevant)]
    [InlineData("requires further consideration", Acceptance.UnderConsideration)]
    [InlineData("under-consideration", Acceptance.UnderConsideration)]
    [InlineData("Under consideration", Acceptance.UnderConsideration)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    [InlineData("Not recorded", null)]
    [InlineData("NOT-RECORDED", null)]
    public void TryParseAcceptance_ReadsALabelOrACode_IgnoringCaseSpacesAndHyphens(string? text, Acceptance? expected)
    {
        Assert.True(StatusVocabulary.TryParseAcceptance(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Not started", ImplementationStatus.NotStarted)]
    [InlineData("in-progress", ImplementationStatus.InProgress)]
    [InlineData("In Progress", ImplementationStatus.InProgress)]
    [InlineData("INPROGRESS", ImplementationStatus.InProgress)]
    [InlineData(" implemented ", ImplementationStatus.Implemented)]
    [InlineData("", null)]
    [InlineData("Not recorded", null)]
    public void TryParseImplementation_ReadsALabelOrACode_IgnoringCaseSpacesAndHyphens(string? text, ImplementationStatus? expected)
    {
        Assert.True(StatusVocabulary.TryParseImplementation(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("Acepted")]
    [InlineData("Accepted in part")]
    [InlineData("In progress")]
    [InlineData("1")]
    public void TryParseAcceptance_RefusesWhatIsNoAcceptance(string text)
    {
        Assert.False(StatusVocabulary.TryParseAcceptance(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("Done")]
    [InlineData("Accepted")]
    [InlineData("Not_started")]
    public void TryParseImplementation_RefusesWhatIsNoImplementationStatus(string text)
    {
        Assert.False(StatusVocabulary.TryParseImplementation(text, out var value));
        Assert.Null(value);
    }
}
