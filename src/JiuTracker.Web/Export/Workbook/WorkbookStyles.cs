using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Export.Workbook;

/// <summary>The workbook's few cell styles; each constant is an index into the stylesheet's cell formats.</summary>
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

    private const uint DateFormat = 164;
    private const uint DateTimeFormat = 165;
    private const uint PercentFormat = 166;

    public static Stylesheet Create() => new(
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

    private static CellFormat Format(uint numberFormatId = 0, uint fontId = 0, uint borderId = 0, Alignment? alignment = null)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormatId,
            FontId = fontId,
            FillId = 0,
            BorderId = borderId,
            FormatId = 0,
            ApplyNumberFormat = numberFormatId != 0 ? true : null,
            ApplyFont = fontId != 0 ? true : null,
            ApplyBorder = borderId != 0 ? true : null,
        };
        if (alignment is not null)
        {
            format.ApplyAlignment = true;
            format.Append(alignment);
        }

        return format;
    }
}
