using DanY.Domain.Auditing;

namespace DanY.Domain.Units;

/// <summary>
/// A node of the organisation tree. The depth is data: <see cref="Path"/> holds the ids from the root
/// ("/1/5/42/"), so a subtree is every unit whose path starts with the ancestor's path.
/// </summary>
public sealed class Unit : IAuditable
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 256;
    public const int PathMaxLength = 512;

    private Unit()
    {
    }

    public Unit(string code, string name, UnitKind kind, UnitLevel level, UnitSystem system, Unit? parent)
    {
        Code = ValidateCode(code);
        Name = ValidateName(name);
        Kind = kind;
        Level = level;
        System = system;
        Parent = parent;
        ParentId = parent?.Id;
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Lower-case name without diacritics, for searching "kinh bac" to find "Kinh Bắc". Maintained by the persistence layer.</summary>
    public string NameFolded { get; set; } = "";

    public UnitKind Kind { get; private set; }
    public UnitLevel Level { get; private set; }
    public UnitSystem System { get; private set; }
    public int? ParentId { get; private set; }
    public Unit? Parent { get; private set; }

    /// <summary>Materialised path of ids, "/" for a unit not yet saved. Maintained by the persistence layer.</summary>
    public string Path { get; private set; } = "/";

    public int Depth => Path.Count(c => c == '/') - 1;

    public void Rename(string name) => Name = ValidateName(name);

    public void ChangeCode(string code) => Code = ValidateCode(code);

    public void Classify(UnitKind kind, UnitLevel level, UnitSystem system)
    {
        Kind = kind;
        Level = level;
        System = system;
    }

    /// <summary>Sets the path once the id is known; the parent's path must already be final.</summary>
    public void SetPath(string parentPath)
    {
        if (Id <= 0) throw new InvalidOperationException("A unit needs an id before its path is set.");
        Path = string.Concat(parentPath, Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "/");
    }

    /// <summary>True when <paramref name="other"/> is this unit or lies below it.</summary>
    public bool Contains(Unit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    public static string ValidateCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        code = code.Trim();
        if (code.Length == 0 || code.Length > CodeMaxLength)
            throw new UnitValidationException($"Mã đơn vị phải có từ 1 đến {CodeMaxLength} ký tự / Unit code must have 1 to {CodeMaxLength} characters.");
        foreach (char c in code)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                throw new UnitValidationException($"Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, '.', '-', '_': \"{code}\" / Unit code may only contain ASCII letters, digits, '.', '-', '_'.");
        }
        return code;
    }

    public static string ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (name.Length == 0 || name.Length > NameMaxLength)
            throw new UnitValidationException($"Tên đơn vị phải có từ 1 đến {NameMaxLength} ký tự / Unit name must have 1 to {NameMaxLength} characters.");
        if (name.Any(char.IsControl))
            throw new UnitValidationException("Tên đơn vị chứa ký tự điều khiển / Unit name contains control characters.");
        return name;
    }
}

/// <summary>A rule of the unit model was broken; the message is in Vietnamese and English.</summary>
public sealed class UnitValidationException(string message) : Exception(message);
