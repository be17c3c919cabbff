namespace Engine.Cli;

/// <summary>The <c>engine</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("engine: the command line is being assembled; no commands yet.");
        return args.Length == 0 ? 1 : 2;
    }
}
