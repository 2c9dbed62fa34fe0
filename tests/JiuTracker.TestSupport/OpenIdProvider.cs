using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiuTracker.TestSupport;

/// <summary>
/// A real OpenID provider for the single sign-on tests: the npm package oidc-provider run by node on a free port of
/// 127.0.0.1 (<c>tests/JiuTracker.Tests/Oidc/provider/provider.mjs</c>), with its own sign-in page. Its users live in
/// a JSON file it reads again at every use, so a test changes someone's groups between two sign-ins. The dependencies
/// are installed with <c>npm ci</c> beside the build's copy of the script the first time; without node the tests fail
/// saying how to install it.
/// </summary>
public sealed class OpenIdProvider : IDisposable
{
    public const string ClientId = "jiutracker";
    public const string ClientSecret = "jiutracker-test-client-secret";

    /// <summary>The organization the sign-in button names: "Sign in with Test Organization".</summary>
    public const string Organization = "Test Organization";

    /// <summary>The provider's groups the tests' apps map to roles.</summary>
    public static IReadOnlyDictionary<string, string> RoleMap { get; } = new Dictionary<string, string>
    {
        ["jiu-admins"] = "Administrator",
        ["jiu-auditors"] = "Auditor",
        ["jiu-management"] = "Management",
        ["jiu-coordinators"] = "Coordinator",
    };

    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jiutracker-tests", "oidc-" + Guid.NewGuid().ToString("N"));
    private readonly JsonObject _state = new() { ["clients"] = new JsonArray(), ["users"] = new JsonObject(), ["idTokenAudience"] = null };
    private readonly StringBuilder _output = new();
    private Process? _process;

    public OpenIdProvider()
    {
        Directory.CreateDirectory(_directory);
        Port = LoopbackPort.Free();
    }

    public int Port { get; }

    /// <summary>The issuer, http://127.0.0.1:port: what the app's <c>Authentication:Oidc:Authority</c> names.</summary>
    public Uri Issuer => new($"http://127.0.0.1:{Port}");

    /// <summary>An authority whose discovery document names another issuer than the one that signs the tokens.</summary>
    public Uri ImpostorAuthority => new($"{Issuer}impostor");

    /// <summary>The app's settings for single sign-on with this provider (or an <paramref name="authority"/> in front of it).</summary>
    public IReadOnlyDictionary<string, string?> AppSettings(Uri? authority = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = (authority ?? Issuer).ToString(),
            ["Authentication:Oidc:ClientId"] = ClientId,
            ["Authentication:Oidc:ClientSecret"] = ClientSecret,
            ["Authentication:Oidc:Scopes"] = "openid profile email groups",
            ["Authentication:Oidc:RoleClaim"] = "groups",
            ["Authentication:Oidc:DisplayName"] = Organization,
        };
        foreach (var (group, role) in RoleMap)
        {
            settings[$"Authentication:Oidc:RoleMap:{group}"] = role;
        }

        return settings;
    }

    private static string ScriptFolder => Path.Combine(AppContext.BaseDirectory, "Oidc", "provider");

    private string StatePath => Path.Combine(_directory, "state.json");

    /// <summary>Registers the app at this address as a client (before <see cref="StartAsync"/>).</summary>
    public void AddClient(Uri app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = app.ToString().TrimEnd('/');
        ((JsonArray)_state["clients"]!).Add(new JsonObject
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["redirect_uris"] = new JsonArray(JsonValue.Create($"{root}/signin-oidc")),
            ["post_logout_redirect_uris"] = new JsonArray(JsonValue.Create($"{root}/signout-callback-oidc")),
        });
        MergeClients();
    }

    /// <summary>Adds or changes a user of the provider; it takes effect at the next sign-in.</summary>
    public void SetUser(string subject, string login, string password, string email, params string[] groups)
    {
        ((JsonObject)_state["users"]!)[subject] = new JsonObject
        {
            ["login"] = login,
            ["password"] = password,
            ["email"] = email,
            ["name"] = login,
            ["groups"] = new JsonArray([.. groups.Select(g => JsonValue.Create(g))]),
        };
        Save();
    }

    /// <summary>ID tokens issued from now on name this audience instead of the client's (null: the client's, as they should).</summary>
    public void SetIdTokenAudience(string? audience)
    {
        _state["idTokenAudience"] = audience;
        Save();
    }

    public async Task StartAsync()
    {
        await EnsureDependenciesAsync();
        Save();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "provider.mjs", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StatePath },
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Note(e.Data);
        _process.ErrorDataReceived += (_, e) => Note(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The test OpenID provider stopped at start (exit code {_process.ExitCode}):\n{Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(Issuer, ".well-known/openid-configuration"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The test OpenID provider did not answer its discovery document within 30 s:\n{Output}");
    }

    /// <summary>What the provider printed, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5_000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }

    private void Note(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>Several apps of one test class share one client id: their addresses are merged into one registration.</summary>
    private void MergeClients()
    {
        var clients = (JsonArray)_state["clients"]!;
        if (clients.Count < 2)
        {
            return;
        }

        var redirects = clients.SelectMany(c => c!["redirect_uris"]!.AsArray().Select(u => u!.GetValue<string>())).Distinct().ToList();
        var logouts = clients.SelectMany(c => c!["post_logout_redirect_uris"]!.AsArray().Select(u => u!.GetValue<string>())).Distinct().ToList();
        clients.Clear();
        clients.Add(new JsonObject
        {
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["redirect_uris"] = new JsonArray([.. redirects.Select(u => JsonValue.Create(u))]),
            ["post_logout_redirect_uris"] = new JsonArray([.. logouts.Select(u => JsonValue.Create(u))]),
        });
    }

    private void Save()
    {
        // Written whole and then moved, so the provider never reads half a file.
        var temporary = StatePath + ".tmp";
        File.WriteAllText(temporary, _state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, StatePath, overwrite: true);
    }

    private static async Task EnsureDependenciesAsync()
    {
        if (!OnPath("node") || !OnPath("npm"))
        {
            throw new InvalidOperationException(
                "The single sign-on tests run a real OpenID provider (the npm package oidc-provider) with node, which was not found on PATH. "
                + "Install Node.js 20 or later with npm: apt-get install -y nodejs npm");
        }

        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(ScriptFolder, "node_modules", "oidc-provider")))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm")
            {
                WorkingDirectory = ScriptFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { "ci", "--prefer-offline", "--no-audit", "--no-fund" },
            };
            using var process = Process.Start(npm)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm ci for the test OpenID provider failed in {ScriptFolder} (exit code {process.ExitCode}); it needs the npm registry or its cache:\n{await output}{await errors}");
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
