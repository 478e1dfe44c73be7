using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.PulumiFiles;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Naming;

/// <summary>
/// The naming rules, on the name argument of every resource creation:
/// SIA1001 the name follows <c>{project}-{environment}-{resource-type}-{purpose}</c>;
/// SIA1002 no environment name is hard-coded in it;
/// SIA1003 it is unique (same type and name elsewhere, a loop-invariant name in a loop, a component child whose name
/// ignores the component's name) — gathered across files and reported at compilation end;
/// SIA1004 it fits the AWS physical-name limit once Pulumi appends its random suffix.
/// Unknown parts of a name are never a finding: a partly known name is reported only when no value of its unknown
/// parts could make it comply.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NamingAnalyzer : SophiaAnalyzerBase
{
    /// <summary>The property (SIA1001, SIA1002) that carries the compliant name to the code fix; see <see cref="NameSuggestionFormat"/>.</summary>
    public const string SuggestionProperty = "Suggestion";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NamingPattern, Descriptors.HardCodedEnvironment, Descriptors.DuplicateName, Descriptors.NameTooLong);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var state = new CompilationState(context.Options, services, context.CancellationToken);
        RegisterResourceCreationAction(context, services, state.Analyze);
        RegisterCompilationEndAction(context, services, state.ReportUniqueness);
    }

    /// <summary>Everything the rules cache and gather for one compilation.</summary>
    private sealed class CompilationState
    {
        private readonly AnalyzerOptions _options;
        private readonly AnalysisServices _services;
        private readonly Lazy<string?> _workspaceProject;
        // Per options object, not per tree: the compiler hands every tree with the same .editorconfig sections the same
        // options, so a stack of a thousand files builds its settings (and each type's pattern) once, not a thousand times;
        // and the IDE's next compilation after an edit finds them (NamingSettings.ForOptions).
        private readonly ConcurrentDictionary<AnalyzerConfigOptions, NamingSettings> _settings = new();
        // Name patterns depend only on the project and the type token: shared by every compilation (the IDE makes one per edit).
        private static readonly ConcurrentDictionary<string, NamePattern> _patterns = new(StringComparer.Ordinal);
        private readonly Func<AnalyzerConfigOptions, NamingSettings> _createSettings;
        private readonly Func<ISymbol, bool> _isStable;

        // SIA1003 facts, gathered across files.
        private readonly ConcurrentQueue<Occurrence> _occurrences = new();
        private readonly ConcurrentQueue<Finding> _loopFindings = new();
        private readonly ConcurrentQueue<(INamedTypeSymbol Component, Finding Finding)> _componentChildren = new();
        private readonly ConcurrentDictionary<INamedTypeSymbol, int> _componentInstances = new(SymbolEqualityComparer.Default);

        public CompilationState(AnalyzerOptions options, AnalysisServices services, CancellationToken cancellationToken)
        {
            _options = options;
            _services = services;
            _workspaceProject = new Lazy<string?>(() => NamingSettings.SegmentOf(PulumiWorkspace.GetOrCreate(options, cancellationToken).ProjectName));
            _createSettings = treeOptions => NamingSettings.ForOptions(treeOptions, _workspaceProject.Value, _patterns);
            _isStable = symbol => IsStable(symbol, cancellationToken);
        }

        public void Analyze(OperationAnalysisContext context, ResourceCreation creation)
        {
            var nameArgument = creation.NameArgument;
            if (nameArgument is null)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var nameSyntax = nameArgument.Value.Syntax;
            var settings = _settings.GetOrAdd(_options.AnalyzerConfigOptionsProvider.GetOptions(nameSyntax.SyntaxTree), _createSettings);
            var naming = settings.For(creation.Type);
            var name = _services.Values.ResolveString(nameArgument.Value, cancellationToken);

            if (name.HasBranches && _services.Values.ResolveBranches(nameArgument.Value, cancellationToken) is { IsDefault: false } branches)
            {
                CheckBranches(context, branches, nameSyntax, settings, naming);
            }
            else
            {
                CheckPattern(context, name, nameSyntax, settings, naming);
            }

            CheckLength(context, creation, nameArgument.Value, name, nameSyntax, settings, naming);
            GatherUniqueness(context, creation, name, nameSyntax, settings, naming);
        }

        // ------------------------------------------------------------------ SIA1001, SIA1002

        private static void CheckPattern(OperationAnalysisContext context, ResolvedString name, SyntaxNode nameSyntax, NamingSettings settings, ResourceTypeNaming naming)
        {
            var result = NameChecker.Check(name, naming.Pattern, naming.FullName, naming.LongToken, settings.Environments);
            if (result is null)
            {
                return;
            }

            var display = name.ToDisplayString();
            var expected = result.Suggestion.Display(name);
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, NameSuggestionFormat.Serialize(result.Suggestion, name, nameSyntax.SyntaxTree));
            var location = nameSyntax.GetLocation();
            if (!result.Environments.IsEmpty)
            {
                context.Report(Diagnostic.Create(
                    Descriptors.HardCodedEnvironment, location, properties, display, string.Join("', '", result.Environments), expected));
            }

            if (!result.PatternFaults.IsEmpty)
            {
                context.Report(Diagnostic.Create(
                    Descriptors.NamingPattern, location, properties, display, JoinFaults(result.PatternFaults), expected));
            }
        }

        /// <summary>
        /// SIA1001, SIA1002 for a name that goes through conditional or switch expressions (design.md: known when every branch
        /// is, a finding only when every branch is one): each rule is reported, at the name, only when every combination of
        /// branches has its fault; a branch that is unknown or complies keeps the rule silent. The code fix is offered only
        /// when every branch leads to the same compliant name, which then replaces the whole expression.
        /// </summary>
        private static void CheckBranches(OperationAnalysisContext context, ImmutableArray<ResolvedString> branches, SyntaxNode nameSyntax, NamingSettings settings, ResourceTypeNaming naming)
        {
            var results = new NameCheckResult[branches.Length];
            var allEnvironments = true;
            var allPattern = true;
            for (var i = 0; i < branches.Length; i++)
            {
                var result = NameChecker.Check(branches[i], naming.Pattern, naming.FullName, naming.LongToken, settings.Environments);
                if (result is null)
                {
                    return;
                }

                results[i] = result;
                allEnvironments &= !result.Environments.IsEmpty;
                allPattern &= !result.PatternFaults.IsEmpty;
            }

            if (!allEnvironments && !allPattern)
            {
                return;
            }

            var displays = new List<string>(branches.Length);
            var expected = new List<string>(branches.Length);
            string? suggestion = null;
            for (var i = 0; i < branches.Length; i++)
            {
                AddDistinct(displays, branches[i].ToDisplayString());
                AddDistinct(expected, results[i].Suggestion.Display(branches[i]));
                suggestion ??= NameSuggestionFormat.Serialize(results[i].Suggestion, branches[i], nameSyntax.SyntaxTree);
            }

            // Kept unknown parts of different branches are different spans even when they read the same value (the same text
            // in one name): one expected name and no part written in another file ('x') is what lets the first branch's
            // suggestion stand for all of them.
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (expected.Count == 1 && suggestion is not null && !HasForeignPart(suggestion))
            {
                properties = properties.Add(SuggestionProperty, suggestion);
            }

            var display = string.Join("' or '", displays);
            var expectedDisplay = string.Join("' or '", expected);
            var location = nameSyntax.GetLocation();
            if (allEnvironments)
            {
                var environments = new List<string>();
                foreach (var result in results)
                {
                    foreach (var environment in result.Environments)
                    {
                        AddDistinct(environments, environment);
                    }
                }

                context.Report(Diagnostic.Create(
                    Descriptors.HardCodedEnvironment, location, properties, display, string.Join("', '", environments), expectedDisplay));
            }

            if (allPattern)
            {
                var faults = new List<string>();
                foreach (var result in results)
                {
                    foreach (var fault in result.PatternFaults)
                    {
                        AddDistinct(faults, fault);
                    }
                }

                context.Report(Diagnostic.Create(
                    Descriptors.NamingPattern, location, properties, display, JoinFaults(faults.ToImmutableArray()), expectedDisplay));
            }

            static void AddDistinct(List<string> list, string value)
            {
                if (!list.Contains(value))
                {
                    list.Add(value);
                }
            }

            static bool HasForeignPart(string suggestion)
            {
                foreach (var piece in suggestion.Split(NameSuggestionFormat.Separator))
                {
                    if (piece == "x")
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>One fault as is; several numbered (<c>1) ...; 2) ...</c>), since a fault may itself contain a semicolon.</summary>
        internal static string JoinFaults(ImmutableArray<string> faults)
        {
            if (faults.Length == 1)
            {
                return faults[0];
            }

            var builder = new StringBuilder();
            for (var i = 0; i < faults.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : "; ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(") ").Append(faults[i]);
            }

            return builder.ToString();
        }

        // ------------------------------------------------------------------ SIA1004

        private void CheckLength(OperationAnalysisContext context, ResourceCreation creation, IOperation nameValue, ResolvedString name, SyntaxNode nameSyntax, NamingSettings settings, ResourceTypeNaming naming)
        {
            var limit = naming.Limit;
            if (limit is null)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var values = _services.Values;
            if (!creation.HasKnownArgs(values, cancellationToken))
            {
                return;
            }

            foreach (var prefix in limit.PrefixProperties)
            {
                if (creation.FindArgsAssignment(prefix, values, cancellationToken) is not null)
                {
                    return; // Pulumi does not derive the physical name from the resource name.
                }
            }

            foreach (var property in limit.NameProperties)
            {
                if (creation.FindArgsAssignment(property, values, cancellationToken) is not { } assignment)
                {
                    continue;
                }

                var physical = values.ResolveString(assignment.Value, cancellationToken);
                var (explicitLength, explicitPartial, explicitStack, explicitDisplay) = MeasureShortest(assignment.Value, physical, settings, cancellationToken);
                if (explicitLength > limit.MaxLength)
                {
                    context.Report(Diagnostic.Create(
                        Descriptors.NameTooLong,
                        assignment.Value.Syntax.GetLocation(),
                        $"Physical name '{explicitDisplay ?? physical.ToDisplayString()}' ({property})",
                        LengthText(explicitLength, explicitPartial),
                        explicitStack ? $" with the stack counted as '{settings.LongestEnvironment}'" : string.Empty,
                        limit.MaxLength.ToString(CultureInfo.InvariantCulture),
                        limit.What + " (" + naming.FullName + ")"));
                }

                return; // An explicit physical name: the resource name does not reach AWS.
            }

            var (length, partial, hasStack, display) = MeasureShortest(nameValue, name, settings, cancellationToken);
            length += AwsNameLimits.RandomSuffixLength;
            if (length > limit.MaxLength)
            {
                context.Report(Diagnostic.Create(
                    Descriptors.NameTooLong,
                    nameSyntax.GetLocation(),
                    $"Resource name '{display ?? name.ToDisplayString()}'",
                    LengthText(length, partial),
                    " once Pulumi appends '-' and 7 random characters" + (hasStack ? $" (the stack counted as '{settings.LongestEnvironment}')" : string.Empty),
                    limit.MaxLength.ToString(CultureInfo.InvariantCulture),
                    limit.What + " (" + naming.FullName + ")"));
            }
        }

        /// <summary>
        /// <see cref="Measure"/> of the shortest branch when the name goes through conditional or switch expressions (a finding
        /// only when every branch is one), with the branches for the message; else of the name itself (then no display: the
        /// caller shows the name only for a finding).
        /// </summary>
        private (int Length, bool Partial, bool HasStack, string? Display) MeasureShortest(IOperation value, ResolvedString name, NamingSettings settings, CancellationToken cancellationToken)
        {
            if (!name.HasBranches || _services.Values.ResolveBranches(value, cancellationToken) is not { IsDefault: false } branches)
            {
                var (length, partial, hasStack) = Measure(name, settings);
                return (length, partial, hasStack, null);
            }

            var shortest = (Length: int.MaxValue, Partial: false, HasStack: false);
            var displays = new List<string>(branches.Length);
            foreach (var branch in branches)
            {
                var measured = Measure(branch, settings);
                if (measured.Length < shortest.Length)
                {
                    shortest = measured;
                }

                var display = branch.ToDisplayString();
                if (!displays.Contains(display))
                {
                    displays.Add(display);
                }
            }

            return (shortest.Length, shortest.Partial, shortest.HasStack, string.Join("' or '", displays));
        }

        /// <summary>The shortest length the name can have: the stack as the longest environment, unknown parts as empty.</summary>
        private static (int Length, bool Partial, bool HasStack) Measure(ResolvedString name, NamingSettings settings)
        {
            var length = 0;
            var partial = false;
            var hasStack = false;
            foreach (var part in name.Parts)
            {
                switch (part.Kind)
                {
                    case StringPartKind.Text:
                        length += part.Text.Length;
                        break;
                    case StringPartKind.StackName:
                        length += settings.LongestEnvironment.Length;
                        hasStack = true;
                        break;
                    case StringPartKind.ProjectName when settings.Project is not null:
                        length += settings.Project.Length;
                        break;
                    default:
                        partial = true;
                        break;
                }
            }

            return (length, partial, hasStack);
        }

        private static string LengthText(int length, bool partial) =>
            (partial ? "at least " : string.Empty) + length.ToString(CultureInfo.InvariantCulture);

        // ------------------------------------------------------------------ SIA1003

        private void GatherUniqueness(OperationAnalysisContext context, ResourceCreation creation, ResolvedString name, SyntaxNode nameSyntax, NamingSettings settings, ResourceTypeNaming naming)
        {
            var cancellationToken = context.CancellationToken;
            var loops = Loops.Enclosing(creation.Operation.Syntax);
            if (creation.IsComponent && creation.Type.DeclaringSyntaxReferences.Length > 0)
            {
                var instances = loops is null ? 1 : 2;
                _componentInstances.AddOrUpdate(creation.Type.OriginalDefinition, instances, (_, count) => count + instances);
            }

            var key = NameKey.Create(creation.Type, name, settings.Project, _isStable);
            if (key is not null)
            {
                _occurrences.Enqueue(new Occurrence(key, nameSyntax, name, naming.FullName));
            }

            if (loops is not null)
            {
                foreach (var loop in loops)
                {
                    if (IsInvariantIn(name, loop.Node))
                    {
                        _loopFindings.Enqueue(new Finding(nameSyntax, name.ToDisplayString(),
                            $"it is created in a {loop.Kind} and its name is the same in every iteration; make the name depend on what varies per iteration"));
                        break;
                    }
                }
            }

            var container = context.ContainingSymbol as INamedTypeSymbol ?? context.ContainingSymbol.ContainingType;
            if (container is not null
                && _services.Symbols.ResourceKindOf(container) == ResourceKind.Component
                && container.DeclaringSyntaxReferences.Length > 0
                && IsSameForEveryInstance(name))
            {
                _componentChildren.Enqueue((container.OriginalDefinition, new Finding(nameSyntax, name.ToDisplayString(),
                    $"it is created inside component '{container.Name}', which is created more than once, and its name does not depend on the component's name, so every instance creates a child with the same URN; include the component's name")));
            }
        }

        /// <summary>True when a symbol holds the same value at two uses: parameters and locals assigned once, readonly fields, get-only properties.</summary>
        private bool IsStable(ISymbol symbol, CancellationToken cancellationToken)
        {
            switch (symbol)
            {
                case IParameterSymbol parameter:
                    if (parameter.RefKind is not (RefKind.None or RefKind.In))
                    {
                        return false;
                    }

                    foreach (var reference in parameter.ContainingSymbol.DeclaringSyntaxReferences)
                    {
                        if (_services.Values.IsWritten(reference.GetSyntax(cancellationToken), parameter.Name))
                        {
                            return false;
                        }
                    }

                    return true;
                case ILocalSymbol local:
                    return local.IsConst
                        || (local.DeclaringSyntaxReferences.Length == 1 && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is ForEachStatementSyntax)
                        || _services.Values.FindSingleAssignment(local, cancellationToken) is not null;
                case IFieldSymbol field:
                    return field.IsConst || field.IsReadOnly;
                case IPropertySymbol property:
                    return property.SetMethod is null || property.SetMethod.IsInitOnly;
                default:
                    return false;
            }
        }

        /// <summary>True when no part of the name can change from one iteration of <paramref name="loop"/> to the next.</summary>
        private bool IsInvariantIn(ResolvedString name, SyntaxNode loop)
        {
            foreach (var part in name.Parts)
            {
                if (part.Kind != StringPartKind.Unknown)
                {
                    continue;
                }

                if (part.Symbol is null || Loops.IsDeclaredIn(part.Symbol, loop) || _services.Values.IsWritten(loop, part.Symbol.Name))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the name is provably the same for every instance of a component (known parts, static members only).</summary>
        private static bool IsSameForEveryInstance(ResolvedString name)
        {
            foreach (var part in name.Parts)
            {
                if (part.Kind == StringPartKind.Unknown && part.Symbol is not (IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true }))
                {
                    return false;
                }
            }

            return true;
        }

        public void ReportUniqueness(CompilationAnalysisContext context)
        {
            var reasons = new Dictionary<(SyntaxTree, TextSpan), (Finding First, List<string> Reasons, List<Location> Related)>();

            // Two creations of one type with one name: reported at each one after the first (generated code first, then in file and
            // position order).
            var groups = new Dictionary<NameKey, List<Occurrence>>();
            foreach (var occurrence in _occurrences)
            {
                if (!groups.TryGetValue(occurrence.Key, out var list))
                {
                    list = new List<Occurrence>(1);
                    groups.Add(occurrence.Key, list);
                }

                list.Add(occurrence);
            }

            foreach (var group in groups.Values)
            {
                if (group.Count < 2)
                {
                    continue;
                }

                // Generated creations count as the first ones: a duplicate of a generated creation is reported at the user's.
                foreach (var occurrence in group)
                {
                    occurrence.IsGenerated = GeneratedCode.Contains(occurrence.Syntax.GetLocation(), _options);
                }

                group.Sort(static (a, b) =>
                {
                    if (a.IsGenerated != b.IsGenerated)
                    {
                        return a.IsGenerated ? -1 : 1;
                    }

                    var byPath = string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);
                    return byPath != 0 ? byPath : a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
                });
                for (var i = 1; i < group.Count; i++)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    for (var j = 0; j < i; j++)
                    {
                        if (Loops.AreExclusive(group[j].Syntax, group[i].Syntax))
                        {
                            continue;
                        }

                        var earlier = group[j].Syntax.GetLocation();
                        var line = earlier.GetLineSpan();
                        var where = PulumiWorkspace.GetFileName(line.Path) + ":" + (line.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
                        Add(reasons, new Finding(group[i].Syntax, group[i].Display,
                            $"another {group[i].TypeName} created at {where} has the same name, so both get the same URN"), earlier);
                        break;
                    }
                }
            }

            foreach (var finding in _loopFindings)
            {
                Add(reasons, finding, null);
            }

            if (!_componentChildren.IsEmpty)
            {
                var repeated = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var instance in _componentInstances)
                {
                    if (instance.Value < 2)
                    {
                        continue;
                    }

                    for (var type = instance.Key; type is not null && type.DeclaringSyntaxReferences.Length > 0; type = type.BaseType?.OriginalDefinition)
                    {
                        repeated.Add(type);
                    }
                }

                foreach (var (component, finding) in _componentChildren)
                {
                    if (repeated.Contains(component))
                    {
                        Add(reasons, finding, null);
                    }
                }
            }

            foreach (var (first, list, related) in reasons.Values)
            {
                context.Report(Diagnostic.Create(
                    Descriptors.DuplicateName, first.Syntax.GetLocation(), related, first.Display, string.Join("; ", list)));
            }

            static void Add(Dictionary<(SyntaxTree, TextSpan), (Finding, List<string>, List<Location>)> reasons, Finding finding, Location? related)
            {
                var key = (finding.Syntax.SyntaxTree, finding.Syntax.Span);
                if (!reasons.TryGetValue(key, out var entry))
                {
                    entry = (finding, new List<string>(1), new List<Location>());
                    reasons.Add(key, entry);
                }

                if (!entry.Item2.Contains(finding.Reason))
                {
                    entry.Item2.Add(finding.Reason);
                }

                if (related is not null)
                {
                    entry.Item3.Add(related);
                }
            }
        }
    }

    private sealed class Occurrence
    {
        private readonly ResolvedString _name;

        public Occurrence(NameKey key, SyntaxNode syntax, ResolvedString name, string typeName)
        {
            Key = key;
            Syntax = syntax;
            _name = name;
            TypeName = typeName;
        }

        public NameKey Key { get; }

        public SyntaxNode Syntax { get; }

        /// <summary>Whether the creation is in generated code (decided at compilation end, for duplicates only).</summary>
        public bool IsGenerated { get; set; }

        /// <summary>The name for messages (built only for a finding).</summary>
        public string Display => _name.ToDisplayString();

        public string TypeName { get; }
    }

    private sealed class Finding
    {
        public Finding(SyntaxNode syntax, string display, string reason)
        {
            Syntax = syntax;
            Display = display;
            Reason = reason;
        }

        public SyntaxNode Syntax { get; }

        public string Display { get; }

        public string Reason { get; }
    }
}

/// <summary>
/// How a <see cref="NameSuggestion"/> travels to the code fix in <see cref="Diagnostic.Properties"/>: pieces separated by
/// <c>|</c>: <c>t:text</c> (only <c>a-z0-9-</c>), <c>s</c> (the stack name), <c>p</c> (the project name),
/// <c>h:start:length</c> (an unknown part of the old name, written at that span of the same file), <c>x</c> (an unknown
/// part written elsewhere: the fix cannot keep it and is not offered).
/// </summary>
public static class NameSuggestionFormat
{
    public const char Separator = '|';

    internal static string Serialize(NameSuggestion suggestion, ResolvedString name, SyntaxTree tree)
    {
        var builder = new StringBuilder();
        var inText = false;
        foreach (var symbol in suggestion.Symbols)
        {
            if (symbol.Kind == NameSymbolKind.Char)
            {
                if (!inText)
                {
                    Separate(builder);
                    builder.Append("t:");
                    inText = true;
                }

                builder.Append(symbol.Char);
                continue;
            }

            inText = false;
            Separate(builder);
            switch (symbol.Kind)
            {
                case NameSymbolKind.Stack:
                    builder.Append('s');
                    break;
                case NameSymbolKind.Project:
                    builder.Append('p');
                    break;
                default:
                    var syntax = symbol.Part >= 0 && symbol.Part < name.Parts.Length ? name.Parts[symbol.Part].Syntax : null;
                    if (syntax is not null && syntax.SyntaxTree == tree)
                    {
                        builder.Append("h:").Append(syntax.SpanStart.ToString(CultureInfo.InvariantCulture))
                            .Append(':').Append(syntax.Span.Length.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append('x');
                    }

                    break;
            }
        }

        return builder.ToString();

        static void Separate(StringBuilder builder)
        {
            if (builder.Length > 0)
            {
                builder.Append(Separator);
            }
        }
    }
}
