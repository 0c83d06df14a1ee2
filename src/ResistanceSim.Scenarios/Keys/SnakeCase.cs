using System.Text;

namespace ResistanceSim.Scenarios.Keys;

/// <summary>How scenarios spell C# enum members: <c>PerEvent</c> → <c>per_event</c>.</summary>
public static class SnakeCase
{
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1])) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
