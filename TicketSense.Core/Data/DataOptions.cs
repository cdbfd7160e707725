namespace TicketSense.Core.Data;

/// <summary>The <c>Data</c> configuration section: where the seed set and its gold labels are (<see cref="DataPath"/>).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary><c>Data:Path</c>; unset means the <c>data/</c> copied beside the binaries.</summary>
    public string? Path { get; set; }

    /// <summary>The folder this resolves to, absolute.</summary>
    public string Folder => DataPath.Resolve(Path);
}
