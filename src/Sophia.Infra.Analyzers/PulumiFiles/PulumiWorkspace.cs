using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.PulumiFiles
{
    /// <summary>A problem in a Pulumi file (SIA0001 material): the file, a 1-based line and a message.</summary>
    internal sealed class PulumiFileError
    {
        public PulumiFileError(AdditionalText file, SourceText? text, int line, string message)
        {
            File = file;
            Text = text;
            Line = line;
            Message = message;
        }

        public AdditionalText File { get; }

        /// <summary>The text the error refers to (null if the file could not be read).</summary>
        public SourceText? Text { get; }

        public int Line { get; }

        public string Message { get; }

        /// <summary>The whole line <see cref="Line"/> of <see cref="File"/>.</summary>
        public Location ToLocation() => PulumiWorkspace.CreateLocation(File.Path, Text, Line);
    }

    /// <summary>
    /// The Pulumi files of a compilation, read from <see cref="AnalyzerOptions.AdditionalFiles"/>: <c>Pulumi.yaml</c>,
    /// the <c>Pulumi.&lt;stack&gt;.yaml</c> beside it and <c>ROLLBACK.md</c>. Building it never throws (except
    /// <see cref="OperationCanceledException"/>); unreadable or invalid files are listed in <see cref="Errors"/>.
    /// </summary>
    /// <remarks>
    /// Selection: the project file is the first <c>Pulumi.yaml</c>/<c>Pulumi.yml</c> (file name compared
    /// case-insensitively) in ordinal order of the full path. Stack files are the <c>Pulumi.&lt;stack&gt;.yaml</c>/<c>.yml</c>
    /// in the same folder as the project file, or all of them when there is no project file, sorted by stack name then
    /// path. <c>ROLLBACK.md</c> is taken only from the project file's folder (none without a project file).
    /// </remarks>
    internal sealed class PulumiWorkspace
    {
        public static readonly PulumiWorkspace Empty = new PulumiWorkspace(
            null, ImmutableArray<PulumiStackFile>.Empty, null, ImmutableArray<PulumiFileError>.Empty);

        private static readonly ConditionalWeakTable<AdditionalText, CacheEntry> s_cache = new ConditionalWeakTable<AdditionalText, CacheEntry>();
        private static readonly object s_cacheGate = new object();

        private PulumiWorkspace(PulumiProjectFile? project, ImmutableArray<PulumiStackFile> stacks, RollbackDocument? rollback, ImmutableArray<PulumiFileError> errors)
        {
            Project = project;
            Stacks = stacks;
            Rollback = rollback;
            Errors = errors;
            var names = ImmutableArray.CreateBuilder<string>(stacks.Length);
            foreach (PulumiStackFile stack in stacks)
            {
                if (!names.Contains(stack.StackName))
                {
                    names.Add(stack.StackName);
                }
            }

            StackNames = names.ToImmutable();
        }

        /// <summary>The project file, or null when there is no <c>Pulumi.yaml</c>. Present even when it has errors.</summary>
        public PulumiProjectFile? Project { get; }

        /// <summary>The stack files (present even when they have errors; check <see cref="PulumiStackFile.IsValid"/>).</summary>
        public ImmutableArray<PulumiStackFile> Stacks { get; }

        /// <summary>The <c>ROLLBACK.md</c> beside the project file, or null.</summary>
        public RollbackDocument? Rollback { get; }

        /// <summary>Every problem found, in file order (project, stacks, then unreadable files).</summary>
        public ImmutableArray<PulumiFileError> Errors { get; }

        /// <summary>The <c>name:</c> of <c>Pulumi.yaml</c>, or null.</summary>
        public string? ProjectName => Project?.Name;

        /// <summary>Distinct stack names, in the order of <see cref="Stacks"/>.</summary>
        public ImmutableArray<string> StackNames { get; }

        /// <summary>The first stack file with this name (ordinal), or null.</summary>
        public PulumiStackFile? GetStack(string stackName)
        {
            foreach (PulumiStackFile stack in Stacks)
            {
                if (string.Equals(stack.StackName, stackName, StringComparison.Ordinal))
                {
                    return stack;
                }
            }

            return null;
        }

        /// <summary>
        /// Looks a key up in a stack's config. Both the written keys and <paramref name="fullKey"/> are qualified with
        /// <see cref="QualifyKey(string, string?)"/> first, so a bare key matches <c>&lt;project&gt;:key</c>.
        /// </summary>
        public bool TryGetKey(string stack, string fullKey, out PulumiStackConfigEntry entry)
        {
            entry = null!;
            PulumiStackFile? file = GetStack(stack);
            if (file is null || fullKey is null)
            {
                return false;
            }

            string wanted = QualifyKey(fullKey, ProjectName);
            foreach (PulumiStackConfigEntry candidate in file.Config)
            {
                if (string.Equals(QualifyKey(candidate.Key, ProjectName), wanted, StringComparison.Ordinal))
                {
                    entry = candidate;
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="stack"/> sets <paramref name="fullKey"/> (written keys qualified with
        /// <see cref="QualifyKey(string, string?)"/>, so <c>replicas</c> and the legacy <c>sophia:config:replicas</c> count
        /// for <c>sophia:replicas</c>).
        /// </summary>
        public bool StackHasKey(PulumiStackFile stack, string fullKey)
        {
            if (stack is null || fullKey is null)
            {
                return false;
            }

            string wanted = QualifyKey(fullKey, ProjectName);
            foreach (PulumiStackConfigEntry candidate in stack.Config)
            {
                if (string.Equals(QualifyKey(candidate.Key, ProjectName), wanted, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <c>Pulumi.yaml</c> gives this key a default (or value) for every stack.</summary>
        public bool HasProjectDefault(string fullKey) => Project?.FindConfig(fullKey)?.HasDefault == true;

        /// <summary>
        /// The full config key: a key that already has a ':' is full; otherwise it belongs to the project
        /// (<c>new Config().Require("x")</c> reads <c>&lt;project&gt;:x</c>). Without a project name a bare key stays bare.
        /// The legacy form <c>ns:config:name</c> becomes <c>ns:name</c>.
        /// </summary>
        public static string QualifyKey(string key, string? projectName)
        {
            if (key is null)
            {
                return string.Empty;
            }

            int colon = key.IndexOf(':');
            if (colon >= 0)
            {
                // Legacy "ns:config:name".
                const string Legacy = ":config:";
                if (string.CompareOrdinal(key, colon, Legacy, 0, Legacy.Length) == 0 && key.IndexOf(':', colon + Legacy.Length) < 0)
                {
                    return key.Substring(0, colon) + ":" + key.Substring(colon + Legacy.Length);
                }

                return key;
            }

            return string.IsNullOrEmpty(projectName) ? key : projectName + ":" + key;
        }

        /// <summary>
        /// The full key read by <c>new Config(configNamespace).Require(key)</c>: <c>new Config("aws")</c> + <c>"region"</c>
        /// is <c>aws:region</c>; a null or empty namespace means the project (see <see cref="QualifyKey(string, string?)"/>).
        /// </summary>
        public static string QualifyKey(string? configNamespace, string key, string? projectName)
        {
            if (key is null)
            {
                return string.Empty;
            }

            if (string.IsNullOrEmpty(configNamespace) || key.IndexOf(':') >= 0)
            {
                return QualifyKey(key, projectName);
            }

            return configNamespace + ":" + key;
        }

        /// <summary>
        /// The workspace for these options, shared by every analyzer of one compilation: cached on the first
        /// AdditionalText object and reused while the same AdditionalText objects come back. Thread-safe.
        /// </summary>
        public static PulumiWorkspace GetOrCreate(AnalyzerOptions options, CancellationToken ct)
        {
            if (options is null)
            {
                return Empty;
            }

            ImmutableArray<AdditionalText> files = options.AdditionalFiles;
            if (files.IsDefaultOrEmpty || files[0] is null)
            {
                return Empty;
            }

            AdditionalText key = files[0];
            if (s_cache.TryGetValue(key, out CacheEntry? cached) && cached.Matches(files))
            {
                return cached.Workspace;
            }

            PulumiWorkspace created = Create(files, ct);
            lock (s_cacheGate)
            {
                if (s_cache.TryGetValue(key, out cached))
                {
                    if (cached.Matches(files))
                    {
                        return cached.Workspace;
                    }

                    s_cache.Remove(key);
                }

                s_cache.Add(key, new CacheEntry(files, created));
            }

            return created;
        }

        /// <summary>Reads the Pulumi files among <paramref name="files"/>. Does not cache; see <see cref="GetOrCreate"/>.</summary>
        public static PulumiWorkspace Create(ImmutableArray<AdditionalText> files, CancellationToken ct)
        {
            if (files.IsDefaultOrEmpty)
            {
                return Empty;
            }

            var projectFiles = new List<AdditionalText>();
            var stackFiles = new List<AdditionalText>();
            var rollbackFiles = new List<AdditionalText>();
            foreach (AdditionalText file in files)
            {
                string? path = file?.Path;
                if (file is null || path is null)
                {
                    continue;
                }

                string name = GetFileName(path);
                if (string.Equals(name, "Pulumi.yaml", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(name, "Pulumi.yml", StringComparison.OrdinalIgnoreCase))
                {
                    projectFiles.Add(file);
                }
                else if (PulumiStackFile.TryGetStackName(path, out _))
                {
                    stackFiles.Add(file);
                }
                else if (string.Equals(name, "ROLLBACK.md", StringComparison.OrdinalIgnoreCase))
                {
                    rollbackFiles.Add(file);
                }
            }

            if (projectFiles.Count == 0 && stackFiles.Count == 0)
            {
                return Empty;
            }

            projectFiles.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            rollbackFiles.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));

            var errors = ImmutableArray.CreateBuilder<PulumiFileError>();
            PulumiProjectFile? project = null;
            string? projectFolder = null;
            if (projectFiles.Count > 0)
            {
                AdditionalText projectFile = projectFiles[0];
                projectFolder = GetFolder(projectFile.Path);
                SourceText? text = ReadText(projectFile, ct);
                if (text is null)
                {
                    const string Unreadable = "Pulumi.yaml could not be read";
                    errors.Add(new PulumiFileError(projectFile, null, 1, Unreadable));
                    project = PulumiProjectFile.Unreadable(projectFile, Unreadable);
                }
                else
                {
                    project = PulumiProjectFile.Parse(projectFile.Path, text, projectFile);
                    AddErrors(errors, projectFile, text, project.Errors);
                }
            }

            var stacks = new List<PulumiStackFile>();
            foreach (AdditionalText stackFile in stackFiles)
            {
                if (projectFolder is not null && !string.Equals(GetFolder(stackFile.Path), projectFolder, StringComparison.Ordinal))
                {
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                SourceText? text = ReadText(stackFile, ct);
                if (text is null)
                {
                    string unreadable = GetFileName(stackFile.Path) + " could not be read";
                    errors.Add(new PulumiFileError(stackFile, null, 1, unreadable));
                    stacks.Add(PulumiStackFile.Unreadable(stackFile, unreadable));
                }
                else
                {
                    PulumiStackFile stack = PulumiStackFile.Parse(stackFile.Path, text, stackFile);
                    AddErrors(errors, stackFile, text, stack.Errors);
                    stacks.Add(stack);
                }
            }

            stacks.Sort(static (a, b) =>
            {
                int byName = string.CompareOrdinal(a.StackName, b.StackName);
                return byName != 0 ? byName : string.CompareOrdinal(a.Path, b.Path);
            });

            RollbackDocument? rollback = null;
            if (projectFolder is not null)
            {
                foreach (AdditionalText rollbackFile in rollbackFiles)
                {
                    if (!string.Equals(GetFolder(rollbackFile.Path), projectFolder, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    SourceText? text = ReadText(rollbackFile, ct);
                    if (text is null)
                    {
                        errors.Add(new PulumiFileError(rollbackFile, null, 1, "ROLLBACK.md could not be read"));
                    }
                    else
                    {
                        rollback = new RollbackDocument(rollbackFile.Path, text, rollbackFile);
                    }

                    break;
                }
            }

            return new PulumiWorkspace(project, stacks.ToImmutableArray(), rollback, errors.ToImmutable());
        }

        /// <summary>A location covering the whole 1-based <paramref name="line"/> (clamped to the file) of a file.</summary>
        public static Location CreateLocation(string path, SourceText? text, int line)
        {
            path ??= string.Empty;
            int index = line - 1;
            if (text is null || text.Lines.Count == 0)
            {
                var position = new LinePosition(Math.Max(index, 0), 0);
                return Location.Create(path, default, new LinePositionSpan(position, position));
            }

            if (index < 0)
            {
                index = 0;
            }
            else if (index >= text.Lines.Count)
            {
                index = text.Lines.Count - 1;
            }

            TextSpan span = text.Lines[index].Span;
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }

        /// <summary>The file name of a path; both '/' and '\' separate folders.</summary>
        internal static string GetFileName(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        /// <summary>The folder of a path with '\' written as '/', "" when there is none.</summary>
        internal static string GetFolder(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? string.Empty : path.Substring(0, slash).Replace('\\', '/');
        }

        private static SourceText? ReadText(AdditionalText file, CancellationToken ct)
        {
            try
            {
                return file.GetText(ct);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
#pragma warning disable CA1031 // A host that fails to read a file must give an error, not an AD0001.
            catch (Exception)
#pragma warning restore CA1031
            {
                return null;
            }
        }

        private static void AddErrors(ImmutableArray<PulumiFileError>.Builder target, AdditionalText file, SourceText text, ImmutableArray<YamlError> errors)
        {
            foreach (YamlError error in errors)
            {
                target.Add(new PulumiFileError(file, text, error.Line, error.Message));
            }
        }

        private sealed class CacheEntry
        {
            public CacheEntry(ImmutableArray<AdditionalText> files, PulumiWorkspace workspace)
            {
                Files = files;
                Workspace = workspace;
            }

            public ImmutableArray<AdditionalText> Files { get; }

            public PulumiWorkspace Workspace { get; }

            public bool Matches(ImmutableArray<AdditionalText> files)
            {
                if (Files == files)
                {
                    return true;
                }

                if (Files.Length != files.Length)
                {
                    return false;
                }

                for (int i = 0; i < files.Length; i++)
                {
                    if (!ReferenceEquals(Files[i], files[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
