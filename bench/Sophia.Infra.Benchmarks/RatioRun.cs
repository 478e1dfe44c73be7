using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Sophia.Infra.Benchmarks;

/// <summary>The result of one size.</summary>
public sealed record SizeResult(
    string Size,
    int Resources,
    int Files,
    TimeSpan Binding,
    TimeSpan BindingCpu,
    TimeSpan Sophia,
    TimeSpan SophiaCpu,
    IReadOnlyList<(string Name, TimeSpan Time)> PerAnalyzer,
    TimeSpan Floor,
    TimeSpan? Sdk,
    int SdkAnalyzers,
    long SophiaAllocated,
    long FloorAllocated,
    int Findings);

/// <summary>The single-document result: medians over the iterations.</summary>
public sealed record DocumentResult(int Iterations, TimeSpan Binding, TimeSpan Sophia, TimeSpan Floor, TimeSpan BindingCpu, TimeSpan SophiaCpu);

/// <summary>
/// The fast measurement: for each size, one compilation of the generated stack; the compiler's binding time
/// (<c>GetDiagnostics</c> on the fresh compilation), then on the same compilation the analyzer telemetry (concurrent
/// execution off) of every Sophia analyzer, of the floor analyzer, and of the SDK's code-quality analyzers; allocations
/// of each analyzer run. Then the single-document case. Prints the ratio table (markdown).
/// </summary>
public static class RatioRun
{
    public static async Task<int> RunAsync(IReadOnlyList<int> multipliers, bool withSdk, int documentIterations, string? markdownPath, int fullUpTo = 10, int repeat = 3)
    {
        var sophia = Workload.SophiaAnalyzers();
        var sdk = withSdk ? Workload.SdkAnalyzers() : ImmutableArray<DiagnosticAnalyzer>.Empty;
        Console.Error.WriteLine($"Sophia analyzers: {string.Join(", ", sophia.Select(a => a.GetType().Name))}");
        Console.Error.WriteLine(withSdk ? $"SDK analyzers: {sdk.Length} from {Workload.FindSdkAnalyzerFolder()}" : "SDK analyzers: skipped");

        // Warm up the JIT (up to its optimised tier, as in a build server or an IDE that has run for a while) and the metadata
        // caches on a small stack (not reported).
        if (multipliers.Count > 0)
        {
            await MeasureSizeAsync("warm-up", 500, sophia, ImmutableArray<DiagnosticAnalyzer>.Empty, quiet: true, withFloor: true, repeat: 4);
        }

        var results = new List<SizeResult>();
        foreach (var multiplier in multipliers)
        {
            var full = multiplier <= fullUpTo;
            results.Add(await MeasureSizeAsync(multiplier.ToString(CultureInfo.InvariantCulture) + "x", multiplier * 500, sophia, full ? sdk : ImmutableArray<DiagnosticAnalyzer>.Empty, quiet: false, withFloor: full, repeat: repeat));
        }

        var document = await MeasureDocumentAsync(sophia, documentIterations);
        var report = Format(results, document, sophia);
        Console.WriteLine(report);
        if (markdownPath is not null)
        {
            System.IO.File.WriteAllText(markdownPath, report);
        }

        return 0;
    }

    /// <summary>
    /// One size, measured <paramref name="repeat"/> times from scratch (the stack parsed anew, a fresh compilation bound, then
    /// each analyzer set run on it with a fresh driver), so that no run profits from caches a previous run filled (the
    /// analyzers cache per syntax tree). Each quantity is the fastest of the runs: on a shared machine the minimum is the
    /// run that waited least for a core.
    /// </summary>
    private static async Task<SizeResult> MeasureSizeAsync(string label, int resources, ImmutableArray<DiagnosticAnalyzer> sophia, ImmutableArray<DiagnosticAnalyzer> sdk, bool quiet, bool withFloor, int repeat)
    {
        var stack = StackGenerator.Generate(resources);
        var options = Workload.Options(stack);
        var floorAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer());

        var binding = TimeSpan.MaxValue;
        var bindingCpu = TimeSpan.MaxValue;
        Run? sophiaBest = null;
        Run? floorBest = null;
        Run? sdkBest = null;
        for (var i = 0; i < repeat; i++)
        {
            var compilation = Workload.Compile(Workload.Parse(stack));
            Collect();
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            binding = Min(binding, watch.Elapsed);
            bindingCpu = Min(bindingCpu, Cpu() - cpu);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException("The generated stack does not compile:\n" + string.Join("\n", errors.Take(10)));
            }

            sophiaBest = Faster(sophiaBest, new Run(await RunAnalyzersAsync(compilation, options, sophia)));
            if (withFloor)
            {
                floorBest = Faster(floorBest, new Run(await RunAnalyzersAsync(compilation, options, floorAnalyzers)));
            }

            if (!sdk.IsEmpty)
            {
                sdkBest = Faster(sdkBest, new Run(await RunAnalyzersAsync(compilation, options, sdk)));
            }
        }

        var floorTimes = floorBest?.Times ?? new List<(string Name, TimeSpan Time)>();
        TimeSpan? sdkTime = sdkBest is null ? null : sdkBest.Total;
        var result = new SizeResult(label, stack.Resources, stack.Files.Count, binding, bindingCpu, sophiaBest!.Total, withFloor ? sophiaBest.MinCpu - floorBest!.MinCpu : TimeSpan.Zero, sophiaBest.Times, Sum(floorTimes.Select(t => t.Time)), sdkTime, sdk.Length, sophiaBest.Allocated, floorBest?.Allocated ?? -1L, sophiaBest.Findings);
        if (!quiet)
        {
            Console.Error.WriteLine($"{label}: {result.Resources} resources, binding {Ms(binding)} ms, Sophia {Ms(result.Sophia)} ms ({Percent(result.Sophia, binding)}), SDK {(sdkTime is null ? "-" : Ms(sdkTime.Value))} ms");
        }

        return result;
    }

    /// <summary>One analyzer run: each analyzer's time, allocations, findings, and the smallest CPU time of the runs so far.</summary>
    private sealed class Run
    {
        public Run((List<(string Name, TimeSpan Time)> Times, long Allocated, int Findings, TimeSpan Cpu) run)
        {
            Times = run.Times;
            Allocated = run.Allocated;
            Findings = run.Findings;
            MinCpu = run.Cpu;
            Total = Sum(run.Times.Select(t => t.Time));
        }

        public List<(string Name, TimeSpan Time)> Times { get; }

        public long Allocated { get; }

        public int Findings { get; }

        public TimeSpan MinCpu { get; set; }

        public TimeSpan Total { get; }
    }

    /// <summary>The run with the smaller total telemetry, carrying the smaller CPU time of the two.</summary>
    private static Run Faster(Run? best, Run run)
    {
        if (best is null)
        {
            return run;
        }

        var cpu = Min(best.MinCpu, run.MinCpu);
        var faster = run.Total < best.Total ? run : best;
        faster.MinCpu = cpu;
        return faster;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Runs <paramref name="analyzers"/> over the whole compilation, concurrency off, and returns each one's callback time.</summary>
    public static async Task<(List<(string Name, TimeSpan Time)> Times, long Allocated, int Findings, TimeSpan Cpu)> RunAnalyzersAsync(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var failures = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            options,
            onAnalyzerException: (exception, analyzer, _) => { lock (failures) { failures.Add(analyzer.GetType().Name + ": " + exception.Message); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Cpu();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        cpu = Cpu() - cpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        if (failures.Count > 0)
        {
            Console.Error.WriteLine("Analyzer exceptions:\n  " + string.Join("\n  ", failures.Distinct().Take(10)));
        }

        var times = new List<(string, TimeSpan)>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            times.Add((analyzer.GetType().Name, telemetry.ExecutionTime));
        }

        return (times, allocated, diagnostics.Length, cpu);
    }

    /// <summary>
    /// The IDE case: the 55-line document of 50 resources, added to a compilation of the 1x stack that has been bound
    /// before (as the IDE's is); each iteration is a fresh compilation (as after an edit). Binding = the compiler's
    /// diagnostics of that document; callbacks = the analyzer telemetry of the document's syntax and semantic analysis.
    /// </summary>
    public static async Task<DocumentResult> MeasureDocumentAsync(ImmutableArray<DiagnosticAnalyzer> sophia, int iterations)
    {
        var stack = StackGenerator.Generate(500);
        var baseCompilation = Workload.Compile(Workload.Parse(stack));
        baseCompilation.GetDiagnostics();
        var options = Workload.Options(stack);
        var dense = StackGenerator.DenseDocument();
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new FloorAnalyzer());

        var bindings = new List<TimeSpan>();
        var sophiaTimes = new List<TimeSpan>();
        var floorTimes = new List<TimeSpan>();
        var bindingCpus = new List<TimeSpan>();
        var sophiaCpus = new List<TimeSpan>();
        for (var i = -3; i < iterations; i++)
        {
            // A fresh tree each time (as after a keystroke), in a compilation derived from the bound one.
            var tree = Workload.Parse(dense);
            var compilation = baseCompilation.AddSyntaxTrees(tree);
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            var errors = compilation.GetSemanticModel(tree).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var binding = watch.Elapsed;
            var bindingCpu = Cpu() - cpu;
            if (errors > 0)
            {
                throw new InvalidOperationException("The dense document does not compile: " + string.Join("\n", compilation.GetSemanticModel(tree).GetDiagnostics().Take(5)));
            }

            var (ours, oursCpu) = await AnalyzeDocumentAsync(baseCompilation.AddSyntaxTrees(tree), tree, options, sophia);
            var (theirs, theirsCpu) = await AnalyzeDocumentAsync(baseCompilation.AddSyntaxTrees(tree), tree, options, floor);
            if (i >= 0)
            {
                bindings.Add(binding);
                sophiaTimes.Add(ours);
                floorTimes.Add(theirs);
                bindingCpus.Add(bindingCpu);
                sophiaCpus.Add(oursCpu - theirsCpu);
            }
        }

        return new DocumentResult(iterations, Median(bindings), Median(sophiaTimes), Median(floorTimes), Median(bindingCpus), Median(sophiaCpus));
    }

    private static async Task<(TimeSpan Telemetry, TimeSpan Cpu)> AnalyzeDocumentAsync(Compilation compilation, SyntaxTree tree, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var cpu = Cpu();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(withAnalyzers.Compilation.GetSemanticModel(tree), null, CancellationToken.None);
        cpu = Cpu() - cpu;
        var total = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
        }

        return (total, cpu);
    }

    /// <summary>CPU time of the process so far (all threads; the analysis runs with concurrency off, so this is one thread's work plus the GC's).</summary>
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    public static string Format(IReadOnlyList<SizeResult> results, DocumentResult document, ImmutableArray<DiagnosticAnalyzer> sophia)
    {
        var b = new StringBuilder();
        b.AppendLine($"Whole compilation ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, concurrent analysis off):");
        b.AppendLine();
        b.AppendLine("| size | resources | files | binding ms | all SIA ms | SIA / binding | floor ms | floor / binding | SDK analyzers ms | SDK / binding | SIA CPU / binding CPU | SIA alloc MB | floor alloc MB | findings |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var floor = r.FloorAllocated >= 0;
            b.AppendLine($"| {r.Size} | {r.Resources:N0} | {r.Files:N0} | {Ms(r.Binding)} | {Ms(r.Sophia)} | {Percent(r.Sophia, r.Binding)} | {(floor ? Ms(r.Floor) : "-")} | {(floor ? Percent(r.Floor, r.Binding) : "-")} | {(r.Sdk is null ? "-" : Ms(r.Sdk.Value))} | {(r.Sdk is null ? "-" : Percent(r.Sdk.Value, r.Binding))} | {(floor ? Percent(r.SophiaCpu, r.BindingCpu) : "-")} | {Mb(r.SophiaAllocated)} | {(floor ? Mb(r.FloorAllocated) : "-")} | {r.Findings:N0} |");
        }

        b.AppendLine();
        for (var i = 1; i < results.Count; i++)
        {
            var a = results[i - 1];
            var c = results[i];
            b.AppendLine($"Growth {a.Size} -> {c.Size}: all SIA x{Ratio(c.Sophia, a.Sophia)} {(c.SophiaCpu > TimeSpan.Zero && a.SophiaCpu > TimeSpan.Zero ? $" (CPU x{Ratio(c.SophiaCpu, a.SophiaCpu)})" : "")}, binding x{Ratio(c.Binding, a.Binding)}, resources x{(double)c.Resources / a.Resources:0.0}");
        }

        b.AppendLine();
        b.AppendLine("Per analyzer (ms, % of binding):");
        b.AppendLine();
        b.Append("| analyzer |");
        foreach (var r in results)
        {
            b.Append($" {r.Size} ms | {r.Size} % |");
        }

        b.AppendLine();
        b.Append("|---|");
        foreach (var _ in results)
        {
            b.Append("---:|---:|");
        }

        b.AppendLine();
        foreach (var analyzer in sophia)
        {
            var name = analyzer.GetType().Name;
            b.Append($"| {name} |");
            foreach (var r in results)
            {
                var t = r.PerAnalyzer.FirstOrDefault(p => p.Name == name).Time;
                b.Append($" {Ms(t)} | {Percent(t, r.Binding)} |");
            }

            b.AppendLine();
        }

        b.AppendLine();
        b.AppendLine($"Single document (55 lines, 50 resources, fresh compilation; median of {document.Iterations}):");
        b.AppendLine();
        b.AppendLine("| binding ms | all SIA callbacks ms | SIA / binding | floor ms | floor / binding | binding CPU ms | SIA CPU ms | SIA CPU / binding CPU |");
        b.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        b.AppendLine($"| {Ms(document.Binding)} | {Ms(document.Sophia)} | {Percent(document.Sophia, document.Binding)} | {Ms(document.Floor)} | {Percent(document.Floor, document.Binding)} | {Ms(document.BindingCpu)} | {Ms(document.SophiaCpu)} | {Percent(document.SophiaCpu, document.BindingCpu)} |");
        b.AppendLine();
        b.AppendLine("Targets: all SIA <= 5% of binding at every size; growth 10x -> 100x <= 11x; single document <= 10%.");
        b.AppendLine("SIA / binding is the analyzer telemetry (wall clock inside our callbacks) over the compiler's binding (wall clock).");
        b.AppendLine("SIA CPU is the process CPU time of the analysis with every SIA analyzer minus that with the floor analyzer (the same");
        b.AppendLine("driver and binding work otherwise), over the CPU time of binding: a cross-check that does not count time spent waiting");
        b.AppendLine("for a core on a loaded machine.");
        return b.ToString();
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times)
    {
        var total = TimeSpan.Zero;
        foreach (var t in times)
        {
            total += t;
        }

        return total;
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        values.Sort();
        return values.Count == 0 ? TimeSpan.Zero : values[values.Count / 2];
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds < 100 ? "0.0" : "N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N1", CultureInfo.InvariantCulture);

    private static string Percent(TimeSpan part, TimeSpan whole) => whole == TimeSpan.Zero ? "-" : (100.0 * part.Ticks / whole.Ticks).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Ratio(TimeSpan a, TimeSpan b) => b == TimeSpan.Zero ? "-" : ((double)a.Ticks / b.Ticks).ToString("0.0", CultureInfo.InvariantCulture);
}
