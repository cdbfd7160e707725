using System.CommandLine;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace TicketSense.Worker.Commands;

/// <summary>
/// <c>hash-password [--name NAME]</c>: reads a password (typed twice without echo at a terminal, else one line of
/// standard input) and prints its hash for <c>Web:Users:NAME</c>: ASP.NET Core Identity's PBKDF2 format, which the
/// dashboard verifies. The password is never printed or stored.
/// </summary>
public static class HashPasswordCommand
{
    public const int MinLength = 8;

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The user's name, for the line that says where the hash goes", DefaultValueFactory = _ => "NAME" };
        var command = new Command("hash-password", "Hash a dashboard user's password for Web:Users:NAME (read from the terminal without echo, or from standard input).")
        {
            name,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadTwice(error);
            if (password is null || password.Length < MinLength)
            {
                error.WriteLine($"hash-password: the password must be at least {MinLength} characters long.");
                return 1;
            }
            var hash = new PasswordHasher<string>().HashPassword(parseResult.GetRequiredValue(name), password);
            output.WriteLine(hash);
            error.WriteLine($"Set it as Web:Users:{parseResult.GetRequiredValue(name)} (environment Web__Users__{parseResult.GetRequiredValue(name)}) for the dashboard.");
            return 0;
        });
        return command;
    }

    private static string? ReadTwice(TextWriter prompt)
    {
        var first = ReadHidden(prompt, "Password: ");
        var second = ReadHidden(prompt, "Again: ");
        if (first == second) return first;
        prompt.WriteLine("hash-password: the two passwords differ.");
        return null;
    }

    private static string ReadHidden(TextWriter prompt, string label)
    {
        prompt.Write(label);
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else if (!char.IsControl(key.KeyChar)) password.Append(key.KeyChar);
        }
        prompt.WriteLine();
        return password.ToString();
    }
}
