using System;
using System.Collections.Generic;
using System.Linq;

namespace Sophia.Infra.RefGen;

/// <summary>One type header of a listing plus its member lines.</summary>
public sealed class TypeModel
{
    public List<string> Attributes { get; } = new();      // raw attribute texts, e.g. Usage(4), Obsolete("...")
    public List<string> Modifiers { get; } = new();       // sealed / abstract / static
    public string Kind { get; set; } = "class";           // class / struct / interface / enum
    public string FullName { get; set; } = "";            // without generic parameters, e.g. Pulumi.InputList
    public List<string> TypeParameters { get; } = new();  // e.g. T
    public List<string> BaseTypes { get; } = new();       // raw type texts after ':'
    public List<MemberModel> Members { get; } = new();
    public List<string> EnumNames { get; } = new();       // C# enum "{ A, B }" or enum-struct "static values (n): A, B"
    public bool EnumStructOperators { get; set; }         // "explicit operator string; ==, !=, ..." line
    public int LineNumber { get; set; }

    /// <summary>Lookup key: full name plus generic arity (Pulumi.Output and Pulumi.Output`1 are different types).</summary>
    public string Key => FullName + (TypeParameters.Count > 0 ? "`" + TypeParameters.Count : "");
    public string Namespace => FullName.Contains('.') ? FullName[..FullName.LastIndexOf('.')] : "";
    public string Name => FullName[(FullName.LastIndexOf('.') + 1)..];
    public bool IsStatic => Modifiers.Contains("static");
    public bool IsAbstract => Modifiers.Contains("abstract");
    public bool IsSealed => Modifiers.Contains("sealed");
    public bool IsEnumStruct => Attributes.Contains("EnumType") && Kind == "struct";
    public bool IsDelegate => BaseTypes.Contains("System.MulticastDelegate");
    public string? BaseClass => Kind == "class" && BaseTypes.Count > 0 && !Parser.LooksLikeInterface(BaseTypes[0]) ? BaseTypes[0] : null;
}

public enum MemberKind { Constructor, Property, Field, Method }

public sealed class MemberModel
{
    public MemberKind Kind { get; set; }
    public List<string> Attributes { get; } = new();
    public bool IsStatic { get; set; }
    public bool IsVirtual { get; set; }
    public bool IsReadOnly { get; set; }
    public string Type { get; set; } = "";               // property/field type or method return type
    public string Name { get; set; } = "";               // ".ctor" for constructors
    public List<string> TypeParameters { get; } = new();
    public List<ParameterModel> Parameters { get; } = new();
    public bool HasGetter { get; set; }
    public bool HasSetter { get; set; }
    public string RawLine { get; set; } = "";
}

public sealed class ParameterModel
{
    public bool IsParams { get; set; }
    public string Type { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Default { get; set; }
}

/// <summary>
/// Line parser for the reflection listings (ref/listings/*.txt). Format, as interpreted here:
/// <list type="bullet">
/// <item>'#' and '//' lines are comments.</item>
/// <item>An unindented line is a type header: <c>[Attr(..), ..] [sealed|abstract|static] class|struct|interface|enum Full.Name&lt;T&gt; [: Base, IFace]</c>.</item>
/// <item>A line indented by two spaces is a member of the last header: <c>.ctor(params)</c>,
///   <c>[Attr] [static] [virtual] Type Name { get; set; }</c> (property),
///   <c>[static] [readonly] Type Name</c> (field), <c>[static] [virtual] Type Name&lt;T&gt;(params)</c> (method),
///   <c>{ A, B }</c> (C# enum names), <c>static values (n): A, B</c> (enum-struct members) and
///   <c>explicit operator string; ==, !=, Equals, GetHashCode, ToString</c> (enum-struct operators).</item>
/// </list>
/// </summary>
public static class Parser
{
    public static List<TypeModel> Parse(string text)
    {
        var types = new List<TypeModel>();
        TypeModel? current = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//")) continue;
            if (!line.StartsWith("  "))
            {
                current = ParseTypeHeader(line);
                current.LineNumber = i + 1;
                types.Add(current);
                continue;
            }
            if (current is null) throw new FormatException($"line {i + 1}: member before any type");
            var body = line.Trim();
            if (body.StartsWith('{') && body.EndsWith('}'))
            {
                // C# enum: "{ Invalid, Warning, Error }"
                current.EnumNames.AddRange(body.Trim('{', '}', ' ').Split(',').Select(s => s.Trim()).Where(s => s.Length > 0));
                continue;
            }
            if (body.StartsWith("static values ("))
            {
                // enum struct: "static values (4): All, TCP, UDP, ICMP"
                var names = body[(body.IndexOf(':') + 1)..];
                current.EnumNames.AddRange(names.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0));
                continue;
            }
            if (body.StartsWith("explicit operator string;"))
            {
                current.EnumStructOperators = true;
                continue;
            }
            var member = ParseMember(body);
            member.RawLine = body;
            current.Members.Add(member);
        }
        return types;
    }

    static TypeModel ParseTypeHeader(string line)
    {
        var t = new TypeModel();
        var rest = TakeAttributes(line.Trim(), t.Attributes);
        var colon = IndexOfTopLevel(rest, " : ");
        var head = colon >= 0 ? rest[..colon] : rest;
        if (colon >= 0) t.BaseTypes.AddRange(SplitTopLevel(rest[(colon + 3)..], ','));
        var words = head.Split(' ', 2);
        while (words[0] is "sealed" or "abstract" or "static")
        {
            t.Modifiers.Add(words[0]);
            words = words[1].Split(' ', 2);
        }
        t.Kind = words[0];
        var name = words[1].Trim();
        var lt = name.IndexOf('<');
        if (lt >= 0)
        {
            t.TypeParameters.AddRange(SplitTopLevel(name[(lt + 1)..^1], ','));
            name = name[..lt];
        }
        t.FullName = name;
        return t;
    }

    static MemberModel ParseMember(string body)
    {
        var m = new MemberModel();
        var rest = TakeAttributes(body, m.Attributes);
        if (rest.StartsWith(".ctor("))
        {
            m.Kind = MemberKind.Constructor;
            m.Name = ".ctor";
            m.Parameters.AddRange(ParseParameters(rest[6..rest.LastIndexOf(')')]));
            return m;
        }
        // property: "... Name { get; set; }"
        var brace = rest.IndexOf(" {", StringComparison.Ordinal);
        string head;
        if (brace >= 0 && rest.EndsWith('}'))
        {
            m.Kind = MemberKind.Property;
            var accessors = rest[brace..];
            m.HasGetter = accessors.Contains("get;");
            m.HasSetter = accessors.Contains("set;");
            head = rest[..brace];
        }
        else if (rest.EndsWith(')'))
        {
            m.Kind = MemberKind.Method;
            var open = IndexOfTopLevel(rest, "(");
            m.Parameters.AddRange(ParseParameters(rest[(open + 1)..^1]));
            head = rest[..open];
        }
        else
        {
            m.Kind = MemberKind.Field;
            head = rest;
        }
        var tokens = SplitTopLevel(head, ' ');
        var nameToken = tokens[^1];
        var lt = nameToken.IndexOf('<');
        if (lt > 0 && m.Kind == MemberKind.Method)
        {
            m.TypeParameters.AddRange(SplitTopLevel(nameToken[(lt + 1)..^1], ','));
            nameToken = nameToken[..lt];
        }
        m.Name = nameToken;
        int k = 0;
        for (; k < tokens.Count - 2; k++)
        {
            switch (tokens[k])
            {
                case "static": m.IsStatic = true; break;
                case "virtual": m.IsVirtual = true; break;
                case "readonly": m.IsReadOnly = true; break;
                default: throw new FormatException("unknown modifier '" + tokens[k] + "' in: " + body);
            }
        }
        m.Type = tokens[k];
        return m;
    }

    static List<ParameterModel> ParseParameters(string text)
    {
        var result = new List<ParameterModel>();
        if (text.Trim().Length == 0) return result;
        foreach (var raw in SplitTopLevel(text, ','))
        {
            var p = new ParameterModel();
            var s = raw;
            var eq = IndexOfTopLevel(s, " = ");
            if (eq >= 0) { p.Default = s[(eq + 3)..]; s = s[..eq]; }
            if (s.StartsWith("params ")) { p.IsParams = true; s = s[7..]; }
            var parts = SplitTopLevel(s, ' ');
            p.Type = string.Join(" ", parts.Take(parts.Count - 1));
            p.Name = parts[^1];
            result.Add(p);
        }
        return result;
    }

    /// <summary>Strips leading "[A(..), B(..)] " groups and collects each attribute text.</summary>
    static string TakeAttributes(string s, List<string> into)
    {
        while (s.StartsWith('['))
        {
            int depth = 0, end = -1;
            bool inString = false;
            for (int i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '"') inString = !inString;
                if (inString) continue;
                if (c == '[' || c == '(') depth++;
                else if (c == ']' || c == ')') { depth--; if (depth == 0 && c == ']') { end = i; break; } }
            }
            into.AddRange(SplitTopLevel(s[1..end], ','));
            s = s[(end + 1)..].TrimStart();
        }
        return s;
    }

    /// <summary>Splits on a separator that is not nested in &lt;&gt;, (), [] or a string literal; trims parts.</summary>
    public static List<string> SplitTopLevel(string s, char sep)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        bool inString = false;
        for (int i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"') inString = !inString;
            if (inString) continue;
            if (c is '<' or '(' or '[') depth++;
            else if (c is '>' or ')' or ']') depth--;
            else if (c == sep && depth == 0)
            {
                parts.Add(s[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(s[start..].Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }

    static int IndexOfTopLevel(string s, string needle)
    {
        int depth = 0;
        bool inString = false;
        for (int i = 0; i <= s.Length - needle.Length; i++)
        {
            var c = s[i];
            if (c == '"') inString = !inString;
            if (inString) continue;
            if (depth == 0 && string.CompareOrdinal(s, i, needle, 0, needle.Length) == 0) return i;
            if (c is '<' or '(' or '[') depth++;
            else if (c is '>' or ')' or ']') depth--;
        }
        return -1;
    }

    /// <summary>Key (see TypeModel.Key) of a type reference such as "Pulumi.Input<T>" -> "Pulumi.Input`1".</summary>
    public static string KeyOf(string typeText)
    {
        var lt = typeText.IndexOf('<');
        if (lt < 0) return typeText.TrimEnd('?');
        return typeText[..lt] + "`" + SplitTopLevel(typeText[(lt + 1)..typeText.LastIndexOf('>')], ',').Count;
    }

    /// <summary>Interface names follow the .NET convention I + PascalCase (IEquatable, IMocks, IDeployment ...).</summary>
    public static bool LooksLikeInterface(string typeText)
    {
        var noGen = typeText.Split('<')[0];
        var simple = noGen[(noGen.LastIndexOf('.') + 1)..];
        return simple.Length > 1 && simple[0] == 'I' && char.IsUpper(simple[1]);
    }
}
