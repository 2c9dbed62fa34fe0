using System.Buffers.Binary;
using System.Text;

namespace JiuTracker.Tests.Updates;

/// <summary>Rewrites the uncompressed size a zip declares for an entry, as a crafted file lies about it.</summary>
public static class ZipSizes
{
    public static void Declare(byte[] zip, Func<string, bool> entry, uint uncompressedSize)
    {
        var patched = 0;
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] != 'P' || zip[i + 1] != 'K')
            {
                continue;
            }

            if (zip[i + 2] == 3 && zip[i + 3] == 4 && entry(Name(zip, i + 30, i + 26)))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), uncompressedSize);
            }
            else if (zip[i + 2] == 1 && zip[i + 3] == 2 && entry(Name(zip, i + 46, i + 28)))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), uncompressedSize);
                patched++;
            }
        }

        Assert.True(patched > 0, "no entry of the zip matched");
    }

    private static string Name(byte[] zip, int start, int lengthAt) =>
        Encoding.UTF8.GetString(zip, start, Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(lengthAt)), zip.Length - start));
}
