using System.Diagnostics;
using System.Globalization;

namespace DanY.Documents.Pdf;

/// <summary>Outcome of a PDF conversion.</summary>
public enum PdfConversionStatus
{
    Converted,
    NotInstalled,
    TimedOut,
    Failed,
}

/// <summary>The PDF bytes when converted, otherwise why not (Vietnamese and English).</summary>
public sealed record PdfConversionResult(PdfConversionStatus Status, byte[]? Pdf, string VietnameseMessage, string EnglishMessage)
{
    public bool Succeeded => Status == PdfConversionStatus.Converted && Pdf is not null;
}

/// <summary>
/// Converts DOCX to PDF by running LibreOffice headless (<c>soffice --headless --convert-to pdf</c>)
/// when it is installed: found through DANY_SOFFICE, then PATH (soffice, libreoffice), then the usual
/// install folders. Each run gets its own temporary profile so that concurrent conversions do not
/// collide, and is killed with its children at the timeout.
/// </summary>
public sealed class LibreOfficePdfConverter
{
    private readonly string? _executable;

    /// <summary>Uses LibreOffice wherever <see cref="Locate"/> finds it.</summary>
    public LibreOfficePdfConverter()
        : this(Locate())
    {
    }

    /// <summary>Uses exactly this executable; null or a missing file means "not installed".</summary>
    public LibreOfficePdfConverter(string? executable) =>
        _executable = executable is not null && File.Exists(executable) ? executable : null;

    /// <summary>The soffice executable in use, or null when LibreOffice is not installed.</summary>
    public string? Executable => _executable;

    public bool IsAvailable => _executable is not null;

    public static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("DANY_SOFFICE");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured)) return configured;
        string[] names = OperatingSystem.IsWindows() ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        string[] known =
        [
            "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice", @"C:\Program Files\LibreOffice\program\soffice.exe",
        ];
        return known.FirstOrDefault(File.Exists);
    }

    public async Task<PdfConversionResult> ConvertAsync(byte[] docx, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (_executable is null)
        {
            return new PdfConversionResult(PdfConversionStatus.NotInstalled, null,
                "LibreOffice không được cài đặt trên máy chủ nên không tạo được PDF; hãy tải tệp DOCX.",
                "LibreOffice is not installed on the server, so no PDF was produced; download the DOCX instead.");
        }
        string work = Path.Combine(Path.GetTempPath(), "dany-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string input = Path.Combine(work, "document.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken).ConfigureAwait(false);
            var psi = new ProcessStartInfo(_executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work,
            };
            psi.ArgumentList.Add("-env:UserInstallation=" + new Uri(Path.Combine(work, "profile")).AbsoluteUri);
            foreach (string a in new[] { "--headless", "--norestore", "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir", work, input })
            {
                psi.ArgumentList.Add(a);
            }
            using var process = new Process { StartInfo = psi };
            process.Start();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout ?? TimeSpan.FromSeconds(120));
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested) throw;
                return new PdfConversionResult(PdfConversionStatus.TimedOut, null,
                    "Chuyển sang PDF quá thời gian cho phép.", "The PDF conversion timed out.");
            }
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            string output = Path.Combine(work, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                string detail = (await stderr.ConfigureAwait(false)).Trim();
                if (detail.Length > 300) detail = detail[..300];
                return new PdfConversionResult(PdfConversionStatus.Failed, null,
                    "LibreOffice không chuyển được tệp sang PDF.",
                    "LibreOffice could not convert the file to PDF (exit " + process.ExitCode.ToString(CultureInfo.InvariantCulture) + "): " + detail);
            }
            byte[] pdf = await File.ReadAllBytesAsync(output, cancellationToken).ConfigureAwait(false);
            return new PdfConversionResult(PdfConversionStatus.Converted, pdf, "Đã tạo PDF.", "PDF created.");
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A lingering soffice child may still hold a file; the temp folder is cleaned by the OS.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
