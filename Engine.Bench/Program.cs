using BenchmarkDotNet.Running;

namespace Engine.Bench;

/// <summary>Entry point: BenchmarkDotNet suites chosen by the switcher's arguments.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
