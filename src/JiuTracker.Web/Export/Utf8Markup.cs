using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace JiuTracker.Web.Export;

/// <summary>
/// XML as UTF-8 bytes through a buffer: markup the caller spells out, numbers, and text escaped as
/// <see cref="System.Xml.XmlWriter"/> escapes element content (&amp;, &lt;, &gt;; line breaks written as "\n", which
/// is what any XML reader turns them into). No checking of the markup and no string per value: a worksheet is
/// millions of cells, and an XmlWriter's checks and its formatting cost more than the rest of the export together.
/// </summary>
internal sealed class Utf8Markup : IDisposable
{
    private const int BufferSize = 1 << 16;

    /// <summary>The most UTF-8 bytes one character gives: 4, for a surrogate pair.</summary>
    private const int MaxBytesPerCharacter = 4;

    private static readonly char[] NotXmlCharacters =
        [.. Enumerable.Range(0, ' ').Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r')), '\uFFFE', '\uFFFF'];

    /// <summary>Control characters but tab and line breaks, and the two non-characters XML 1.0 excludes: XML has no way to write them.</summary>
    public static readonly SearchValues<char> NotXml = SearchValues.Create(NotXmlCharacters);

    private static readonly SearchValues<char> Escaped = SearchValues.Create([.. NotXmlCharacters, '&', '<', '>', '\r']);

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    /// <param name="leaveOpen">False to close <paramref name="stream"/> on disposal.</param>
    public Utf8Markup(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
    }

    public void Markup(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _used)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                _stream.Write(utf8);
                return;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
    }

    public void Number(double value) => Format(value);

    public void Number(int value) => Format(value);

    public void Number(uint value) => Format(value);

    /// <summary>Text in an element, escaped; characters XML cannot carry (see <see cref="NotXml"/>) are dropped.</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var plain = text.IndexOfAny(Escaped);
            Encode(plain < 0 ? text : text[..plain]);
            if (plain < 0)
            {
                return;
            }

            var escaped = text[plain];
            Markup(escaped switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '\r' => "\n"u8,
                _ => [],
            });
            text = text[(escaped == '\r' && plain + 1 < text.Length && text[plain + 1] == '\n' ? plain + 2 : plain + 1)..];
        }
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Format<T>(T value)
        where T : IUtf8SpanFormattable
    {
        // The longest number (a double's round-trip form) is 24 bytes.
        if (_buffer.Length - _used < 32)
        {
            Flush();
        }

        if (!value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{value} did not fit in the buffer.");
        }

        _used += written;
    }

    /// <summary>UTF-16 to UTF-8; an unpaired surrogate becomes U+FFFD rather than failing the whole export.</summary>
    private void Encode(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (_buffer.Length - _used < MaxBytesPerCharacter)
            {
                Flush();
            }

            Utf8.FromUtf16(text, _buffer.AsSpan(_used), out var read, out var written, isFinalBlock: true);
            _used += written;
            text = text[read..];
        }
    }
}
