using System.Diagnostics;
using Npgsql;

namespace JiuTracker.TestSupport;

/// <summary>
/// One PostgreSQL 15 server for the whole test run, from Debian's package: initialised into a temporary folder,
/// listening on 127.0.0.1 on a free port, started when a test first needs it and stopped and deleted when the run
/// ends. Each caller gets a database of its own.
/// </summary>
public static class PostgreSqlServer
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";
    public const string MissingMessage = "PostgreSQL 15 is needed by the tests on PostgreSQL and was not found in " +
        BinDirectory + ": apt-get install -y postgresql";

    private static readonly Lazy<Instance> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "jiutracker_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Server.Value.ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        return Server.Value.ConnectionString(name);
    }

    private static Instance Start()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")))
        {
            throw new InvalidOperationException(MissingMessage);
        }

        var root = Path.Combine(Path.GetTempPath(), "jiutracker-postgresql-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var instance = new Instance(root, LoopbackPort.Free());
        if (Environment.UserName == "root")
        {
            // PostgreSQL refuses to run as root: the folder and the server belong to the postgres user.
            Run("chown", "postgres:postgres", root);
        }

        AsServerUser(Path.Combine(BinDirectory, "initdb"), "-D", instance.DataDirectory, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C.UTF-8");
        AsServerUser(Path.Combine(BinDirectory, "pg_ctl"), "-D", instance.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-o",
            $"-c listen_addresses=127.0.0.1 -p {instance.Port} -k {root} -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
        StopWhenTheRunEnds(instance);
        return instance;
    }

    /// <summary>
    /// A shell that outlives nothing: it waits for this test process to end, however it ends, then stops the server
    /// and deletes its folder.
    /// </summary>
    private static void StopWhenTheRunEnds(Instance instance)
    {
        var stop = $"{Path.Combine(BinDirectory, "pg_ctl")} -D {instance.DataDirectory} -m immediate -w stop";
        var asServerUser = Environment.UserName == "root" ? "runuser -u postgres -- " : "";
        var script = "exec </dev/null >/dev/null 2>&1; " +
            $"while kill -0 {Environment.ProcessId}; do sleep 1; done; {asServerUser}{stop}; rm -rf {instance.Root}";
        using var watcher = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", script } });
    }

    private static void AsServerUser(string program, params string[] arguments)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {output.Result}{errors.Result}");
        }
    }

    private sealed class Instance(string root, int port)
    {
        public string Root => root;

        public int Port => port;

        public string DataDirectory => Path.Combine(root, "data");

        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Include Error Detail=true";
    }
}
