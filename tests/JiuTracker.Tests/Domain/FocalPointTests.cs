using JiuTracker.Web.Domain;

namespace JiuTracker.Tests.Domain;

public class FocalPointTests
{
    [Fact]
    public void New_KeepsTitleNameAndUnit_Trimmed()
    {
        var focalPoint = new FocalPoint(" Mr. ", " Anders Norsker ", " GS/IS ");

        Assert.Equal(("Mr.", "Anders Norsker", "GS/IS"), (focalPoint.Title, focalPoint.Name, focalPoint.Unit));
        Assert.Equal("Anders Norsker (GS/IS)", focalPoint.NameWithUnit);
    }

    [Theory]
    [InlineData("", "GS/IS")]
    [InlineData("  ", "GS/IS")]
    [InlineData("Anders Norsker", "")]
    [InlineData("Anders Norsker", "  ")]
    public void New_WithABlankNameOrUnit_IsRefused(string name, string unit) =>
        Assert.Throws<ArgumentException>(() => new FocalPoint("Mr.", name, unit));

    [Fact]
    public void Revise_ChangesEverything_ANullTitleBecomingEmpty()
    {
        var focalPoint = new FocalPoint("Mr.", "Anders Norsker", "GS/IS");

        focalPoint.Revise(null!, " Ana Silva ", " BDT ");

        Assert.Equal(("", "Ana Silva", "BDT"), (focalPoint.Title, focalPoint.Name, focalPoint.Unit));
    }

    [Theory]
    [InlineData(" ", "BDT")]
    [InlineData("Ana Silva", " ")]
    public void Revise_WithABlankNameOrUnit_IsRefused(string name, string unit)
    {
        var focalPoint = new FocalPoint("Mr.", "Anders Norsker", "GS/IS");

        Assert.Throws<ArgumentException>(() => focalPoint.Revise("Ms.", name, unit));
        Assert.Equal(("Mr.", "Anders Norsker", "GS/IS"), (focalPoint.Title, focalPoint.Name, focalPoint.Unit));
    }

    [Fact]
    public void LinkToUser_KeepsTheUser_UnlinkForgetsIt_ABlankIdIsRefused()
    {
        var focalPoint = new FocalPoint("", "Ana Silva", "BDT");

        Assert.Throws<ArgumentException>(() => focalPoint.LinkToUser(" "));
        focalPoint.LinkToUser("user-1");
        Assert.Equal("user-1", focalPoint.UserId);
        focalPoint.UnlinkUser();
        Assert.Null(focalPoint.UserId);
    }
}
