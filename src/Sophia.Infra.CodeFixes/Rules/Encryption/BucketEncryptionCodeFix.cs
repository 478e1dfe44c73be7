using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.CodeFixes.Infrastructure;

namespace Sophia.Infra.CodeFixes.Rules.Encryption;

/// <summary>
/// SIA3001: inserts (<see cref="BucketCompanionEdits"/>, shared with the SIA2002 fix), after the bucket's statement, a
/// <c>BucketServerSideEncryptionConfiguration</c> bound to the bucket (<c>Bucket = bucket.Id</c>, SSE-KMS with the bucket key), named like the bucket with the configuration's resource-type
/// token (<c>bucket-sse</c>, or its <c>sophia_infra.resource_type</c> override) in place of the bucket's, made free among the
/// project's configurations (<see cref="ResourceNames"/>: <c>-2</c> appended when taken), and protected like the bucket (its options'
/// <c>Protect</c>, <c>Parent</c> and <c>Provider</c>, or the options object itself). A bucket created as a bare statement gets a
/// local first. Under <c>sophia_infra.s3.require_kms</c>, <c>"AES256"</c> becomes <c>"aws:kms"</c>. Types are written fully
/// qualified and simplified, so that a file importing both <c>Pulumi.Aws.S3</c> and <c>Pulumi.Aws.S3.Inputs</c> (two
/// <c>BucketServerSideEncryptionConfigurationArgs</c>) still compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BucketEncryptionCodeFix)), Shared]
public sealed class BucketEncryptionCodeFix : CodeFixProvider
{
    public const string Key = "Sophia.EncryptBucket";

    private const string Title = "Encrypt the bucket (SSE-KMS)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BucketNotEncrypted);

    public override FixAllProvider GetFixAllProvider() => new FixAll();

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(EncryptionFix.Edit, out var edit) && edit is EncryptionFix.AddConfiguration or EncryptionFix.Replace
                && (edit != EncryptionFix.AddConfiguration || BucketCompanionEdits.CanInsert(root, diagnostic)))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken), Key),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var services = AnalysisServices.For(editor.SemanticModel.Compilation);
        if (services is null)
        {
            return document;
        }

        var configurationType = services.Symbols.Get(PulumiType.S3BucketServerSideEncryptionConfiguration)
            ?? services.Symbols.Get(PulumiType.S3BucketServerSideEncryptionConfigurationV2);
        var root = editor.OriginalRoot;
        var options = new OptionReader(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree), RuleIds.BucketNotEncrypted);
        var newLocals = new HashSet<string>(StringComparer.Ordinal);
        ResourceNames? names = null;
        foreach (var diagnostic in diagnostics.OrderBy(static d => d.Location.SourceSpan.Start))
        {
            if (!diagnostic.Properties.TryGetValue(EncryptionFix.Edit, out var edit) || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (edit == EncryptionFix.Replace)
            {
                EncryptionEdits.Replace(editor, node, diagnostic, cancellationToken);
            }
            else if (edit == EncryptionFix.AddConfiguration && configurationType is not null)
            {
                names ??= await ResourceNames.OfTypeAsync(document, configurationType, null, cancellationToken).ConfigureAwait(false);
                BucketCompanionEdits.Insert(editor, node, services, configurationType, options, names, newLocals, WriteEncryption, cancellationToken);
            }
        }

        return editor.GetChangedDocument();
    }

    private static void WriteEncryption(StringBuilder text, Func<int, string, string> line) => text
        .Append(line(1, "Rules ="))
        .Append(line(1, "{"))
        .Append(line(2, "new global::Pulumi.Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs"))
        .Append(line(2, "{"))
        .Append(line(3, "ApplyServerSideEncryptionByDefault = new global::Pulumi.Aws.S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs"))
        .Append(line(3, "{"))
        .Append(line(4, "SseAlgorithm = \"aws:kms\","))
        .Append(line(3, "},"))
        .Append(line(3, "BucketKeyEnabled = true,"))
        .Append(line(2, "},"))
        .Append(line(1, "},"));

    private sealed class FixAll : Infrastructure.DocumentBasedFixAllProvider
    {
        protected override string Title => BucketEncryptionCodeFix.Title;

        protected override Task<Document> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            FixAsync(document, diagnostics, context.CancellationToken);
    }
}
