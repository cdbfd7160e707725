namespace TicketSense.Core.Triage.Local;

/// <summary>
/// An exclusive lock on a file beside the model cache, held while one process trains and saves the model, so processes
/// starting together (the Api and the Worker on a fresh machine) train once: the others wait, then load. .NET takes
/// <see cref="FileShare.None"/> as an advisory lock on Unix, which every .NET process honours.
/// </summary>
public sealed class CacheFileLock : IDisposable
{
    private readonly FileStream? stream;

    private CacheFileLock(FileStream? stream) => this.stream = stream;

    /// <summary>Waits for the lock; without a writable cache folder there is nothing to share, and it returns at once unlocked.</summary>
    public static async Task<CacheFileLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return new CacheFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (UnauthorizedAccessException)
            {
                return new CacheFileLock(null);
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
            catch (IOException)
            {
                return new CacheFileLock(null);
            }
        }
    }

    public void Dispose() => stream?.Dispose();
}
