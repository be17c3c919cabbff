namespace Engine.Tests.Support;

/// <summary>Locates the repository and the shared external test corpora, read in place.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> s_repositoryRoot = new(FindRepositoryRoot);

    /// <summary>The folder that holds Engine.sln.</summary>
    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>
    /// <c>../shared/testdata</c> beside the repository (override with ENGINE_TESTDATA). The corpora are
    /// external evidence and are never copied into the project.
    /// </summary>
    public static string TestData
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("ENGINE_TESTDATA");
            var path = string.IsNullOrEmpty(overridden)
                ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "testdata"))
                : overridden;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"The shared test corpora were not found at '{path}'. Set ENGINE_TESTDATA to their folder.");
            }

            return path;
        }
    }

    /// <summary>The folder with the pinned Node oracles (package.json and its lock file).</summary>
    public static string NodeTools => Path.Combine(RepositoryRoot, "Engine.Tests", "node");

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No Engine.sln above '{AppContext.BaseDirectory}'.");
    }
}
