using JiuTracker.Web.Import.Reading;

namespace JiuTracker.Tests.Import;

/// <summary>Which line breaks of a comment are a hard wrap of one sentence, joined, and which are lines of their own, kept.</summary>
public class WrappedLinesTests
{
    public static TheoryData<string, string> Joined => new()
    {
        // a sentence broken where the line was full
        { "A sentence that was wrapped by hand at the width of\nthe cell it was pasted from.", "A sentence that was wrapped by hand at the width of the cell it was pasted from." },
        // before a capital that continues the sentence (the seed's "along with the Paris" / "Agreement.")
        { "The targets could be incorporated in UN guidelines, along with the Paris\nAgreement.", "The targets could be incorporated in UN guidelines, along with the Paris Agreement." },
        // after a comma, over three lines
        { "It could support others by using standards and best practices,\nas well as by working with SUN and REACT to develop\nprocurement guidelines.", "It could support others by using standards and best practices, as well as by working with SUN and REACT to develop procurement guidelines." },
        // a list item's own wrap
        { "- Procurement criteria for sustainable data centres and other recommendations\nrelevant for green procurement\n- Procurement practices", "- Procurement criteria for sustainable data centres and other recommendations relevant for green procurement\n- Procurement practices" },
        // a compound word broken at its hyphen keeps it, without a space
        { "For information only. Recommendation is addressed to the UN Secretary-\nGeneral", "For information only. Recommendation is addressed to the UN Secretary-General" },
        // a dash between spaces is not a compound's hyphen
        { "The work is planned for next year, subject to funding -\nas the Council decided.", "The work is planned for next year, subject to funding - as the Council decided." },
        // spaces around the break become one
        { "A sentence wrapped with spaces left at the end   \n   and an indented continuation.", "A sentence wrapped with spaces left at the end and an indented continuation." },
        // Windows line ends in the text
        { "A sentence that was wrapped by hand at the width of\r\nthe cell.", "A sentence that was wrapped by hand at the width of the cell." },
    };

    public static TheoryData<string> Kept => new()
    {
        "One line only, with no full stop",
        "The first sentence ends here.\nThe second sentence starts on a line of its own.",
        "ITU is working on the following:\nProcurement criteria for sustainable data centres",
        "Would this be welcome?\nThe Council will say; it meets in June!\nThen the plan is final…\nand so on",
        "The note ends after a bracket (see Recommendation 9).\nA new line.",
        "He wrote \"the plan is final.\"\nA new line.",
        "A paragraph that ends without a full stop\n\nAnother paragraph after a blank line",
        "Next steps\nThe coordinator will circulate the draft to every focal point in June.",
        "The options that run on without a stop\n- first option\n• second option\n· third option\n* fourth option",
        "The steps that run on without a stop\n1. first step\n2) second step\n(3) third step\na) fourth step\n(b) fifth step\nii. sixth step\n(iv) seventh step",
        "",
    };

    [Theory]
    [MemberData(nameof(Joined))]
    public void Join_AWrapInsideASentence_JoinsItsLines(string text, string expected) => Assert.Equal(expected, WrappedLines.Join(text));

    [Theory]
    [MemberData(nameof(Kept))]
    public void Join_ARealLineStart_KeepsTheBreak(string text) => Assert.Equal(text, WrappedLines.Join(text));

    [Fact]
    public void Join_APasteWithParagraphsAndAList_JoinsOnlyTheWraps() =>
        Assert.Equal(
            "The first sentence runs on over two lines of the original document before it stops.\nThe second one is short.\n\nThe work includes:\n- a first item that is long enough to run on to the next line\n- a second item",
            WrappedLines.Join("The first sentence runs on over two lines of the original\ndocument before it stops.\nThe second one is short.\n\nThe work includes:\n- a first item that is long enough to run on to the\nnext line\n- a second item"));

    /// <summary>The seed's comments that span lines, by their first and last line in the seed, with the lines each starts after joining.</summary>
    public static TheoryData<int, int, string[]> SeedComments => new()
    {
        { 193, 202, ["UN inter-agency mechanisms", "Procurement activities /policies", "", "ITU is working on the following:", "- Procurement criteria", "- Procurement practices"] },
        { 232, 233, ["Although ITU strives"] },
        { 253, 258, ["ITU could support", "The targets set"] },
    };

    [Theory]
    [MemberData(nameof(SeedComments))]
    public void Join_TheSeedsComments_KeepsTheirWordsAndOnlyTheirRealLineStarts(int first, int last, string[] starts)
    {
        var lines = TestDocuments.SeedText().ReplaceLineEndings("\n").Split('\n')[(first - 1)..last];
        var comment = string.Join('\n', lines).TrimStart('\t');

        var joined = WrappedLines.Join(comment);

        Assert.Equal(Words(comment), Words(joined));
        var joinedLines = joined.Split('\n');
        Assert.Equal(starts.Length, joinedLines.Length);
        Assert.All(starts.Zip(joinedLines), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    private static string[] Words(string text) => text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
