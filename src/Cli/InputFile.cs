using System.CommandLine;

namespace Lakehouse.Cli;

/// <summary>
/// The shared way commands take an input file: a FILE argument, opened with errors that map to clean
/// one-line messages (<c>file not found: PATH</c>, exit 1) through <see cref="ErrorReporter"/>.
/// </summary>
public static class InputFile
{
    public static Argument<string> CreateArgument(string description, string name = "FILE") => new(name)
    {
        Description = description,
    };

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="IOException">The path is a directory.</exception>
    public static FileStream OpenRead(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"{path} is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("file not found", path);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }
}
