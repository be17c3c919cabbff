using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>Locates the Parquet conformance corpora (read in place) and lists their files for test cases.</summary>
internal static class ParquetCorpus
{
    /// <summary>The corpus folders with good files and expected.json beside them.</summary>
    public static readonly string[] Folders = ["parquet-testing", "parquet-extra"];

    /// <summary>Absolute path of a corpus folder.</summary>
    public static string Folder(string name) => Path.Combine(TestPaths.TestData, name);

    /// <summary>Every good file as "folder/name.parquet".</summary>
    public static IEnumerable<string> GoodFiles() =>
        Folders.SelectMany(folder => Directory.GetFiles(Folder(folder), "*.parquet")
            .Select(path => folder + "/" + Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);

    /// <summary>Every malformed file as "folder/bad_data/name.parquet".</summary>
    public static IEnumerable<string> BadFiles() =>
        Folders.Where(folder => Directory.Exists(Path.Combine(Folder(folder), "bad_data")))
            .SelectMany(folder => Directory.GetFiles(Path.Combine(Folder(folder), "bad_data"), "*.parquet")
                .Select(path => folder + "/bad_data/" + Path.GetFileName(path)))
            .Order(StringComparer.Ordinal);
}
