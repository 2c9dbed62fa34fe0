using System.Diagnostics;

namespace JiuTracker.Tests.Updates;

/// <summary>The other producers of workbooks the tests use, each failing with the Debian package to install when missing.</summary>
public static class WorkbookTools
{
    private const string Python = "/usr/bin/python3";
    private const string LibreOffice = "/usr/bin/soffice";

    /// <summary>Calc's own library: LibreOffice Writer alone also installs <see cref="LibreOffice"/>.</summary>
    private const string Calc = "/usr/lib/libreoffice/program/libsclo.so";

    /// <summary>Runs a Python script with Debian's openpyxl (the <c>python3</c> first on PATH cannot see Debian's packages).</summary>
    public static async Task<(int ExitCode, string Output)> RunOpenPyXlAsync(string script, params string[] arguments)
    {
        if (!File.Exists(Python) || (await RunAsync(Python, "-c", "import openpyxl")).ExitCode != 0)
        {
            Assert.Fail("openpyxl for Debian's /usr/bin/python3 is missing: apt-get install -y python3-openpyxl.");
        }

        return await RunAsync(Python, ["-c", script, .. arguments]);
    }

    /// <summary>Saves the workbook again the way LibreOffice Calc writes it, into <paramref name="folder"/>; returns the new file.</summary>
    public static async Task<string> ResaveWithLibreOfficeAsync(string input, string folder)
    {
        if (!File.Exists(LibreOffice) || !File.Exists(Calc))
        {
            Assert.Fail($"LibreOffice Calc ({LibreOffice} and {Calc}) is missing: apt-get install -y --no-install-recommends libreoffice-calc-nogui.");
        }

        // A profile of its own per run, so runs side by side do not meet in one.
        var output = Path.Combine(folder, "libreoffice-out");
        var (exitCode, messages) = await RunAsync(
            LibreOffice, "--headless", $"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
            "--outdir", output, input);
        var saved = Path.Combine(output, Path.GetFileName(input));
        Assert.True(exitCode == 0 && File.Exists(saved), messages);
        return saved;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
