using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace Sophia.Infra.Analyzers.Tests.Robustness;

/// <summary>
/// Every code fix, on every corpus program where it is offered (every test source, with its test's options; every sample
/// and reference-stack file; the samples as one project): each offered action, and Fix All in the document, must leave code
/// that compiles, no longer has the fixed finding, and has no SIA finding it did not have before.
/// </summary>
public sealed class FixVerificationTests
{
    // Per program and fix: at most this many findings are fixed one by one (Fix All covers the rest).
    private const int SingleFixesPerProgram = 1;

    /// <summary>
    /// Defects known and owned by another branch ("precision"), as (fix, new finding) pairs. Such a result is listed in the
    /// output but does not fail the test; remove the entry when the fix lands, and the test guards it from then on.
    /// </summary>
    private static readonly HashSet<(string Fix, string NewFinding)> KnownDefects = new()
    {
        ("NamingCodeFix", "SIA1003"), // the rewritten name can be one that another resource of the type already has

        // The configuration's name is derived from the bucket's; a bucket named by concatenation ("sophia-" + stack +
        // "-bucket-x") gets "-bucket-sse" appended instead of its type token replaced (the name building is being reworked there).
        ("BucketEncryptionCodeFix", "SIA1001"),
        ("DataRecoveryCodeFix", "SIA1001"), // the SIA2002 BucketVersioning is inserted by the same code (BucketCompanionEdits)
    };

    private readonly ITestOutputHelper _output;

    public FixVerificationTests(ITestOutputHelper output) => _output = output;

    /// <summary>Programs that reach fixes in ways the rule tests do not (option overrides, names that collide after a fix).</summary>
    private static readonly CorpusSource[] ExtraPrograms =
    {
        new("bucket fix with a custom token for the configuration type", /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Infra
            {
                void Create()
                {
                    var stack = Deployment.Instance.StackName;
                    new Aws.S3.Bucket($"sophia-{stack}-bucket-logs", null, new CustomResourceOptions { Protect = stack == "prod" });
                }
            }
            """, "sophia_infra.project = sophia\nsophia_infra.resource_type.Pulumi.Aws.S3.BucketServerSideEncryptionConfiguration = bucket-encryption"),
        new("naming fix towards a name in use", /* lang=c#-test */ """
            using Pulumi;
            using Aws = Pulumi.Aws;

            class Infra
            {
                void Create()
                {
                    var stack = Deployment.Instance.StackName;
                    var options = new CustomResourceOptions { Protect = stack == "prod" };
                    new Aws.Sqs.Queue($"sophia-{stack}-queue-orders", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = true }, options);
                    new Aws.Sqs.Queue($"sophia-{stack}-queue-Orders", new Aws.Sqs.QueueArgs { SqsManagedSseEnabled = true }, options);
                }
            }
            """, "sophia_infra.project = sophia"),
    };

    [Fact]
    public async Task EveryCodeFix_WhereOffered_LeavesCompilingCodeWithoutTheFindingOrNewOnes()
    {
        var references = await Corpus.ReferencesAsync();
        var fixes = Corpus.CodeFixes();
        var cases = Corpus.TestSources().Select(s => new[] { s })
            .Concat(ExtraPrograms.Select(s => new[] { s }))
            .Append(Corpus.ProgramFiles().Where(f => f.Name.StartsWith("samples", StringComparison.Ordinal)).ToArray())
            .ToList();

        var failures = new ConcurrentQueue<string>();
        var known = new ConcurrentQueue<string>();
        var inherited = new ConcurrentQueue<string>();
        var applied = 0;
        var offeredPrograms = 0;
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, async (files, ct) =>
        {
            var (count, offered) = await VerifyProgramAsync(files, fixes, references, failures, known, inherited);
            Interlocked.Add(ref applied, count);
            if (offered)
            {
                Interlocked.Increment(ref offeredPrograms);
            }
        });

        _output.WriteLine($"{cases.Count} programs, {offeredPrograms} with a fix offered, {applied} fixes applied (single and Fix All).");
        foreach (var defect in known.Distinct())
        {
            _output.WriteLine("Known defect (owned elsewhere): " + defect);
        }

        foreach (var repeat in inherited.Distinct())
        {
            _output.WriteLine("Repeated from the fixed resource: " + repeat);
        }

        Assert.True(applied > 20, $"only {applied} fixes were applied: the corpus no longer reaches the fixes");
        Assert.True(failures.IsEmpty, $"{failures.Count} problems:\n\n" + string.Join("\n\n", failures.Distinct().Take(6)));
    }

    private static async Task<(int Applied, bool Offered)> VerifyProgramAsync(
        CorpusSource[] files, ImmutableArray<CodeFixProvider> fixes, ImmutableArray<MetadataReference> references, ConcurrentQueue<string> failures, ConcurrentQueue<string> known, ConcurrentQueue<string> inherited)
    {
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, files, references);
        var before = await EvaluateAsync(project);
        if (before is null)
        {
            return (0, false); // does not compile as it is (a fragment, or a test of broken code): nothing to compare against
        }

        var applied = 0;
        var offered = false;
        var name = files.Length == 1 ? files[0].Name : "samples project";
        foreach (var fix in fixes)
        {
            var fixable = before.Value.Diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource).ToList();
            var keys = new HashSet<string?>();
            foreach (var diagnostic in fixable.Take(SingleFixesPerProgram))
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    offered = true;
                    keys.Add(action.EquivalenceKey);
                    var changed = await ApplyAsync(action, project);
                    applied++;
                    Check($"{fix.GetType().Name} '{action.Title}' on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} in {name}", fix, before.Value, changed, new[] { diagnostic }, failures, known, inherited);
                }
            }

            var fixAll = fix.GetFixAllProvider();
            if (fixAll is null || fixable.Count < 2)
            {
                continue;
            }

            foreach (var key in keys)
            {
                foreach (var document in project.Documents.Where(d => fixable.Any(f => f.Location.SourceTree!.FilePath == d.FilePath)))
                {
                    var context = new FixAllContext(document, fix, FixAllScope.Document, key, fix.FixableDiagnosticIds, new Diagnostics(before.Value.Diagnostics), CancellationToken.None);
                    var action = await fixAll.GetFixAsync(context);
                    if (action is null)
                    {
                        continue;
                    }

                    var changed = await ApplyAsync(action, project);
                    applied++;
                    var fixedHere = fixable.Where(f => f.Location.SourceTree!.FilePath == document.FilePath).ToArray();
                    Check($"{fix.GetType().Name} Fix All ({key}) in {document.Name} of {name}", fix, before.Value, changed, fixedHere, failures, known, inherited);
                }
            }
        }

        return (applied, offered);
    }

    /// <summary>
    /// Compares the findings after a fix with those before. A new finding counts unless it repeats, on what the fix adds, a
    /// finding of the same rule that the fixed resource already has (the SIA3001 fix gives the configuration it inserts the
    /// bucket's name and options: a bucket whose name or protection is wrong passes that on until its own finding is fixed).
    /// </summary>
    private static void Check(
        string what, CodeFixProvider fix, Result before, Solution? changedSolution, Diagnostic[] fixedDiagnostics,
        ConcurrentQueue<string> failures, ConcurrentQueue<string> known, ConcurrentQueue<string> inherited)
    {
        var fixedIds = fixedDiagnostics.Select(d => d.Id).Distinct().ToArray();
        if (changedSolution is null)
        {
            failures.Enqueue(what + ": the action changed nothing");
            return;
        }

        var after = EvaluateAsync(changedSolution.Projects.Single()).GetAwaiter().GetResult();
        var text = string.Join("\n// ----\n", changedSolution.Projects.Single().Documents.Select(d => d.GetTextAsync().GetAwaiter().GetResult().ToString()));
        if (after is null)
        {
            var errors = changedSolution.Projects.Single().GetCompilationAsync().GetAwaiter().GetResult()!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3);
            failures.Enqueue($"{what}: the result does not compile: {string.Join("; ", errors)}\n{text}");
            return;
        }

        var countsBefore = Counts(before.Diagnostics);
        var countsAfter = Counts(after.Value.Diagnostics);
        foreach (var id in fixedIds)
        {
            if (countsAfter.GetValueOrDefault(id) >= countsBefore.GetValueOrDefault(id))
            {
                failures.Enqueue($"{what}: {id} is still reported ({countsBefore.GetValueOrDefault(id)} before, {countsAfter.GetValueOrDefault(id)} after)\n{text}");
            }
        }

        foreach (var (id, count) in countsAfter)
        {
            if (id.StartsWith("SIA", StringComparison.Ordinal) && count > countsBefore.GetValueOrDefault(id))
            {
                var message = $"{what}: new {id}: {string.Join("; ", after.Value.Diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage()).Except(before.Diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage())).Take(2))}";
                if (KnownDefects.Contains((fix.GetType().Name, id)))
                {
                    known.Enqueue(message);
                }
                else if (before.Diagnostics.Any(d => d.Id == id && fixedDiagnostics.Any(f => f.Id != id && f.Location.SourceTree == d.Location.SourceTree && f.Location.SourceSpan.Contains(d.Location.SourceSpan))))
                {
                    inherited.Enqueue(message);
                }
                else
                {
                    failures.Enqueue(message + "\n" + text);
                }
            }
        }
    }

    private static Dictionary<string, int> Counts(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<Solution?> ApplyAsync(CodeAction action, Project project)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault();
        return apply?.ChangedSolution is { } solution && solution != project.Solution ? solution : null;
    }

    private readonly record struct Result(ImmutableArray<Diagnostic> Diagnostics);

    /// <summary>The SIA findings of a project, or null when it has compiler errors.</summary>
    private static async Task<Result?> EvaluateAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        if (compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return null;
        }

        var analysis = await Corpus.AnalyzeAsync(compilation, project.AnalyzerOptions);
        Assert.True(analysis.Exceptions.Count == 0, string.Join("\n", analysis.Exceptions));
        return new Result(analysis.Diagnostics);
    }

    private static Project CreateProject(AdhocWorkspace workspace, CorpusSource[] files, ImmutableArray<MetadataReference> references)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Fixed",
            "Fixed",
            LanguageNames.CSharp,
            filePath: "/src/Fixed.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        for (var i = 0; i < files.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"File{i}.cs", SourceText.From(files[i].Text), filePath: $"/src/File{i}.cs");
        }

        var options = files[0].Options;
        solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From("is_global = true\n" + (options ?? string.Empty) + "\n"), filePath: "/.globalconfig");
        if (files.Length > 1)
        {
            foreach (var (path, text) in Corpus.PulumiFiles().Where(f => f.Path.StartsWith("samples", StringComparison.Ordinal)))
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: "/src/" + System.IO.Path.GetFileName(path));
            }
        }

        Assert.True(workspace.TryApplyChanges(solution));
        return workspace.CurrentSolution.GetProject(projectId)!;
    }

    /// <summary>The findings Fix All works on: those of the analysis before the fix.</summary>
    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Diagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
