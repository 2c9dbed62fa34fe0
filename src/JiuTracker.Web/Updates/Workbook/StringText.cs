using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace JiuTracker.Web.Updates.Workbook;

/// <summary>
/// The text of a string item (a shared string or an inline string) as Excel shows it: its plain text and its rich-text
/// runs' texts, in order, without phonetic guides (<c>rPh</c>).
/// </summary>
internal sealed class StringText
{
    private readonly StringBuilder _text = new();
    private int _phoneticDepth;

    public string Value => CellEscapes.Unescape(_text.ToString());

    public void Clear()
    {
        _text.Clear();
        _phoneticDepth = 0;
    }

    /// <summary>Takes the text of a <c>t</c> element outside a phonetic run; other elements are passed over.</summary>
    public void Read(OpenXmlReader reader)
    {
        if (reader.ElementType == typeof(PhoneticRun))
        {
            _phoneticDepth += reader.IsStartElement ? 1 : -1;
        }
        else if (reader.IsStartElement && reader.ElementType == typeof(Text) && _phoneticDepth == 0)
        {
            _text.Append(reader.GetText());
        }
    }
}
