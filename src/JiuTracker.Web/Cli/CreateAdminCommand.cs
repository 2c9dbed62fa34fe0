using System.ComponentModel.DataAnnotations;
using System.Text;
using JiuTracker.Web.Data;
using JiuTracker.Web.Domain;
using JiuTracker.Web.Security;

namespace JiuTracker.Web.Cli;

/// <summary>
/// <c>create-admin --email &lt;address&gt;</c>: creates an administrator on any database, an empty production one
/// included. The password comes from standard input (typed without echo at a terminal), never from the command line.
/// </summary>
public static class CreateAdminCommand
{
    private const string Usage = "Usage: create-admin --email <address>   (the password is read from standard input)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] operands, CancellationToken ct)
    {
        if (operands.Length != 2 || operands[0] != "--email")
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var email = operands[1].Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            await Console.Error.WriteLineAsync($"Cannot create the administrator: \"{email}\" is not an e-mail address such as name@example.org.");
            return 2;
        }

        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("Cannot create the administrator: no password was given on standard input.");
            return 1;
        }

        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
        var stamp = new ChangeStamp($"create-admin command (run by {Environment.UserName})", services.GetRequiredService<TimeProvider>().GetUtcNow());
        var result = await services.GetRequiredService<AccountAdministration>().CreateAsync(email, [Roles.Administrator], password, stamp, ct);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Cannot create the administrator {email}; nothing was changed:");
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync($"  {(error.Field == AccountField.Password ? "password: " : "")}{error.Message}");
            }

            return 1;
        }

        Console.WriteLine($"Created the administrator {email}. Sign in with this address and the password you gave.");
        return 0;
    }

    /// <summary>At a terminal: typed without echo, then typed again. Otherwise: the first line of standard input.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine();
        }

        var first = ReadHidden("Password for the new administrator: ");
        var second = ReadHidden("The same password again: ");
        if (first != second)
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
