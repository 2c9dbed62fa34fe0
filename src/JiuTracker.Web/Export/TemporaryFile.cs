namespace JiuTracker.Web.Export;

/// <summary>A file an export is written to before it is sent or copied on; deleted when it is closed.</summary>
internal static class TemporaryFile
{
    public static FileStream Create() => new(
        Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
