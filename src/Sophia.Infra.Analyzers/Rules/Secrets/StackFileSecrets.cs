using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.PulumiFiles;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Secrets;

/// <summary>
/// SIA6003: a secret stored in plain text in the Pulumi config files. In each <c>Pulumi.&lt;stack&gt;.yaml</c>, a key that
/// marks a secret (or that <c>Pulumi.yaml</c> declares <c>secret: true</c>) whose value is plain text instead of
/// <c>secure:</c>, also for the keys nested in structured values; in <c>Pulumi.yaml</c>, a plain <c>default:</c> (or
/// shorthand value) of such a key. Reported at the line of the key, naming the file and the key; the value is never
/// repeated. An empty value is no secret.
/// </summary>
internal static class StackFileSecrets
{
    public static void Report(CompilationAnalysisContext context)
    {
        var workspace = PulumiWorkspace.GetOrCreate(context.Options, context.CancellationToken);
        var project = workspace.Project;
        foreach (var stack in workspace.Stacks)
        {
            var fileName = PulumiWorkspace.GetFileName(stack.Path);
            foreach (var entry in stack.Config)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var declaredSecret = project?.FindConfig(entry.Key)?.IsSecret == true;
                Visit(context, stack, fileName, entry.Key, entry.Line, entry.Value, declaredSecret);
            }
        }

        if (project is null)
        {
            return;
        }

        foreach (var item in project.ConfigDefaults)
        {
            if ((item.IsSecret || SecretNames.MarksSecret(item.Key)) && item.HasDefault && !string.IsNullOrEmpty(item.DefaultValue))
            {
                context.Report(Diagnostic.Create(
                    Descriptors.PlaintextSecretInStackFile,
                    project.GetLocation(item.DefaultLine),
                    $"Pulumi.yaml gives the secret config key {item.Key} a plain-text default, which every stack and the repository can read: remove the default and set the value per stack with `pulumi config set --secret {item.Key}`"));
            }
        }
    }

    /// <summary>Reports the key at <paramref name="line"/> when its value holds plain text and the key (or its declaration) marks a secret; recurses into structured values.</summary>
    private static void Visit(CompilationAnalysisContext context, PulumiStackFile stack, string fileName, string path, int line, YamlNode value, bool declaredSecret)
    {
        var secret = declaredSecret || SecretNames.MarksSecret(LastSegment(path));
        switch (value)
        {
            case YamlScalar scalar:
                if (secret && !scalar.IsNull && scalar.Value.Length > 0)
                {
                    ReportKey(context, stack, fileName, path, line);
                }

                return;
            case YamlMapping mapping when IsSecure(mapping):
                return;
            default:
                // A structured value: its own secret keys report themselves; a secret key whose value has none of them
                // (`apiTokens: [..]`, `tokens: {github: ..}`) is reported once if any plain text is inside.
                if (secret && !HasSecretKeyInside(value) && HasPlainText(value))
                {
                    ReportKey(context, stack, fileName, path, line);
                    return;
                }

                VisitChildren(context, stack, fileName, path, value);
                return;
        }
    }

    private static void VisitChildren(CompilationAnalysisContext context, PulumiStackFile stack, string fileName, string path, YamlNode value)
    {
        switch (value)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    Visit(context, stack, fileName, path + "." + entry.Key, entry.KeyLine, entry.Value, declaredSecret: false);
                }

                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Items.Length; i++)
                {
                    if (sequence.Items[i] is YamlMapping or YamlSequence)
                    {
                        VisitChildren(context, stack, fileName, path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", sequence.Items[i]);
                    }
                }

                break;
        }
    }

    private static void ReportKey(CompilationAnalysisContext context, PulumiStackFile stack, string fileName, string path, int line)
    {
        var nested = path.IndexOf('.') >= 0 || path.IndexOf('[') >= 0;
        var command = nested ? $"pulumi config set --path --secret '{path}' --stack {stack.StackName}" : $"pulumi config set --secret {path} --stack {stack.StackName}";
        context.Report(Diagnostic.Create(
            Descriptors.PlaintextSecretInStackFile,
            stack.GetLocation(line),
            $"{fileName} stores the secret config key {path} in plain text: set it with `{command}`, which writes an encrypted secure: value, and rotate the exposed secret"));
    }

    private static bool IsSecure(YamlMapping mapping) =>
        mapping.Entries.Length == 1 && mapping.Entries[0].Key == "secure" && mapping.Entries[0].Value is YamlScalar;

    private static bool HasSecretKeyInside(YamlNode value)
    {
        switch (value)
        {
            case YamlMapping mapping when !IsSecure(mapping):
                foreach (var entry in mapping.Entries)
                {
                    if (SecretNames.MarksSecret(entry.Key) || HasSecretKeyInside(entry.Value))
                    {
                        return true;
                    }
                }

                return false;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (HasSecretKeyInside(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool HasPlainText(YamlNode value)
    {
        switch (value)
        {
            case YamlScalar scalar:
                return !scalar.IsNull && scalar.Value.Length > 0;
            case YamlMapping mapping when IsSecure(mapping):
                return false;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (HasPlainText(entry.Value))
                    {
                        return true;
                    }
                }

                return false;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (HasPlainText(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>The last key of a path (<c>sophia:db.password</c> → <c>password</c>); the whole path when it is a top-level key.</summary>
    private static string LastSegment(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path.Substring(dot + 1);
    }
}
