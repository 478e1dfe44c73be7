using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.PulumiFiles;

namespace Sophia.Infra.Analyzers.Rules.Rollback;

/// <summary>
/// SIA2101: a Pulumi project (a <c>Pulumi.yaml</c> among the AdditionalFiles) without a rollback procedure: no
/// <c>ROLLBACK.md</c> beside it (file name matched case-insensitively), or one without the standard template's sections
/// Overview, Rollback Steps and Verification (headings of any level, ATX or setext, matched case-insensitively by their
/// start). One finding, on line 1 of <c>Pulumi.yaml</c>, naming what is missing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RollbackAnalyzer : SophiaAnalyzerBase
{
    /// <summary>The sections of the standard's rollback template, in the template's order.</summary>
    internal static readonly ImmutableArray<string> RequiredSections = ImmutableArray.Create("Overview", "Rollback Steps", "Verification");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MissingRollbackProcedure);

    // RS1013 asks for RegisterCompilationAction instead of a start/end pair; the start action is the base class's gate
    // that keeps every analyzer of the package silent when Pulumi is not referenced, so the pair is deliberate.
#pragma warning disable RS1013
    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
#pragma warning restore RS1013
    {
        RegisterCompilationEndAction(context, services, static end =>
        {
            var workspace = PulumiWorkspace.GetOrCreate(end.Options, end.CancellationToken);
            var message = Check(workspace);
            if (message is not null)
            {
                end.Report(Diagnostic.Create(Descriptors.MissingRollbackProcedure, workspace.Project!.GetLocation(1), message));
            }
        });
    }

    /// <summary>The finding's message for this workspace, or null when it has a complete rollback procedure (or no project).</summary>
    internal static string? Check(PulumiWorkspace workspace)
    {
        if (workspace.Project is null)
        {
            return null;
        }

        var rollback = workspace.Rollback;
        if (rollback is null)
        {
            // A ROLLBACK.md that exists but cannot be read is SIA0001's business.
            foreach (var error in workspace.Errors)
            {
                if (string.Equals(PulumiWorkspace.GetFileName(error.File.Path), "ROLLBACK.md", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return "The Pulumi project has no ROLLBACK.md beside Pulumi.yaml: add one with the sections Overview, Rollback Steps and Verification (the standard's rollback template)";
        }

        List<string>? missing = null;
        foreach (var section in RequiredSections)
        {
            if (!rollback.HasSection(section))
            {
                (missing ??= new List<string>()).Add(section);
            }
        }

        if (missing is null)
        {
            return null;
        }

        var list = missing.Count == 1 ? "the section " + missing[0] : "the sections " + string.Join(", ", missing);
        return $"{PulumiWorkspace.GetFileName(rollback.Path)} lacks {list} of the standard's rollback template: add {(missing.Count == 1 ? "it as a heading" : "them as headings")} (## {missing[0]}) with the procedure";
    }
}
