using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>
/// The workbook's few cell styles; each constant is an index into the stylesheet's cell formats. The styles of a
/// protected sheet come after the others and only in a stylesheet created with them, so the auditors' workbook's
/// stylesheet stays as it was.
/// </summary>
internal static class WorkbookStyles
{
    public const uint Normal = 0;
    public const uint Bold = 1;
    public const uint Title = 2;
    public const uint Date = 3;
    public const uint DateTime = 4;
    public const uint Percent = 5;
    public const uint Wrapped = 6;
    public const uint MatrixHeader = 7;
    public const uint MatrixText = 8;
    public const uint MatrixMark = 9;
    public const uint Top = 10;

    /// <summary>A cell people fill in on a protected sheet: unlocked, shaded, top aligned, wrapped.</summary>
    public const uint Editable = 11;

    /// <summary>A cell of an editable column that takes nothing in this row: locked and greyed.</summary>
    public const uint NotEditable = 12;

    /// <summary>A date and time aligned with the wrapped text of its row.</summary>
    public const uint TopDateTime = 13;

    private const uint DateFormat = 164;
    private const uint DateTimeFormat = 165;
    private const uint PercentFormat = 166;

    private const uint EditableFill = 2;
    private const uint NotEditableFill = 3;

    /// <param name="withProtectedSheetStyles">Adds <see cref="Editable"/>, <see cref="NotEditable"/> and <see cref="TopDateTime"/>.</param>
    public static Stylesheet Create(bool withProtectedSheetStyles = false)
    {
        var stylesheet = Shared();
        if (withProtectedSheetStyles)
        {
            stylesheet.Fills!.Append(SolidFill("FFFFF2CC"), SolidFill("FFE7E6E6"));
            stylesheet.Fills.Count = (uint)stylesheet.Fills.ChildElements.Count;
            stylesheet.CellFormats!.Append(
                Format(fillId: EditableFill, alignment: TopAligned(wrap: true), locked: false),
                Format(fillId: NotEditableFill, alignment: TopAligned(wrap: true)),
                Format(numberFormatId: DateTimeFormat, alignment: TopAligned(wrap: false)));
            stylesheet.CellFormats.Count = (uint)stylesheet.CellFormats.ChildElements.Count;
        }

        return stylesheet;
    }

    /// <summary>The styles every workbook has, in their constants' order.</summary>
    private static Stylesheet Shared() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" })
        { Count = 3 },
        new Fonts(Font(bold: false, size: 11), Font(bold: true, size: 11), Font(bold: true, size: 14)) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(NoBorder(), ThinBorder()) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(),
            Format(fontId: 1),
            Format(fontId: 2),
            Format(numberFormatId: DateFormat),
            Format(numberFormatId: DateTimeFormat),
            Format(numberFormatId: PercentFormat),
            Format(alignment: TopAligned(wrap: true)),
            Format(fontId: 1, borderId: 1, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }),
            Format(borderId: 1, alignment: TopAligned(wrap: true)),
            Format(borderId: 1, alignment: new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Top }),
            Format(alignment: TopAligned(wrap: false)))
        { Count = 11 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static Border NoBorder() => new(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder());

    private static Border ThinBorder() => new(
        new LeftBorder { Style = BorderStyleValues.Thin },
        new RightBorder { Style = BorderStyleValues.Thin },
        new TopBorder { Style = BorderStyleValues.Thin },
        new BottomBorder { Style = BorderStyleValues.Thin },
        new DiagonalBorder());

    private static Alignment TopAligned(bool wrap) => new() { Vertical = VerticalAlignmentValues.Top, WrapText = wrap };

    private static Fill SolidFill(string argb) =>
        new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    /// <param name="locked">False for a cell people can change once the sheet is protected.</param>
    private static CellFormat Format(uint numberFormatId = 0, uint fontId = 0, uint fillId = 0, uint borderId = 0, Alignment? alignment = null, bool locked = true)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormatId,
            FontId = fontId,
            FillId = fillId,
            BorderId = borderId,
            FormatId = 0,
            ApplyNumberFormat = numberFormatId != 0 ? true : null,
            ApplyFont = fontId != 0 ? true : null,
            ApplyFill = fillId != 0 ? true : null,
            ApplyBorder = borderId != 0 ? true : null,
        };
        if (alignment is not null)
        {
            format.ApplyAlignment = true;
            format.Append(alignment);
        }

        if (!locked)
        {
            format.ApplyProtection = true;
            format.Append(new Protection { Locked = false });
        }

        return format;
    }
}
