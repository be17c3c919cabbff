using System.Globalization;
using System.Runtime.CompilerServices;
using Engine.Core.Errors;
using Engine.Core.Storage;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// An object store over a local folder: the key "a/b/c.parquet" is the file root/a/b/c.parquet. Keys are
/// validated and resolved paths are checked to stay inside the root, so a hostile key cannot reach other
/// files. Reads open the file per request (random access, no shared position), so the store is thread-safe.
/// Writes go to a temporary file that then replaces the target, so readers never see half an object.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private readonly string _root;

    /// <summary>Creates a store rooted at <paramref name="rootDirectory"/> (created when missing).</summary>
    public FileSystemObjectStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        Directory.CreateDirectory(_root);
    }

    /// <summary>The absolute root folder.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public ObjectStoreStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKeys.ValidatePrefix(prefix);
        Statistics.RecordList();
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? _root : Path.Combine(_root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        var matches = new List<ObjectInfo>();
        if (Directory.Exists(start))
        {
            foreach (var path in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
            {
                var key = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
                if (key.StartsWith(prefix, StringComparison.Ordinal) && !key.Contains(".tmp-", StringComparison.Ordinal))
                {
                    var file = new FileInfo(path);
                    matches.Add(new ObjectInfo(key, file.Length, ETagOf(file)));
                }
            }
        }

        matches.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var match in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return match;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new FileInfo(Resolve(key));
        return info.Exists
            ? ValueTask.FromResult(info.Length)
            : throw new StorageException(key, 1, "the object does not exist");
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var path = Resolve(key);
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
            var total = 0;
            while (total < destination.Length)
            {
                var read = await RandomAccess.ReadAsync(handle, destination[total..], offset + total, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            Statistics.RecordRead(total);
            return total;
        }
        catch (FileNotFoundException exception)
        {
            throw new StorageException(key, 1, "the object does not exist", exception);
        }
        catch (DirectoryNotFoundException exception)
        {
            throw new StorageException(key, 1, "the object does not exist", exception);
        }
        catch (IOException exception)
        {
            throw new StorageException(key, 1, exception.Message, exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new StorageException(key, 1, exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = Resolve(key);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            Statistics.RecordWrite(content.Length);
        }
        catch (IOException exception)
        {
            File.Delete(temporary);
            throw new StorageException(key, 1, exception.Message, exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new StorageException(key, 1, exception.Message, exception);
        }
    }

    // Writes replace a file by renaming a fresh one over it, so a replaced object has a new last-write time;
    // the length is included for files changed in place within the clock's resolution.
    private static string ETagOf(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}");

    private string Resolve(string key)
    {
        ObjectKeys.Validate(key);
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new StorageException(key, 0, $"invalid object key: it resolves outside the store root '{_root}'");
        }

        return path;
    }
}
