using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sophia.Infra.CodeFixes.Infrastructure;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

public sealed class SyntaxEditsTests
{
    private static BaseObjectCreationExpressionSyntax Creation(string expression) =>
        (BaseObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(expression);

    // Compared without white space: the edits leave layout to the formatter.
    private static string Normalized(SyntaxNode node) => new string(node.ToFullString().Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string Squash(string text) => new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public void SetInitializerMember_ReplacesAnExistingValue()
    {
        var result = SyntaxEdits.SetInitializerMember(Creation("new CustomResourceOptions { Protect = false, DependsOn = { a } }"), "Protect", SyntaxFactory.ParseExpression("stack == \"prod\""));
        Assert.Equal(Squash("new CustomResourceOptions{Protect = stack == \"prod\", DependsOn = {a}}"), Normalized(result));
    }

    [Fact]
    public void SetInitializerMember_AppendsToAnInitializer_OrCreatesOne()
    {
        var appended = SyntaxEdits.SetInitializerMember(Creation("new CustomResourceOptions { Parent = p }"), "Protect", SyntaxFactory.ParseExpression("true"));
        Assert.Equal(Squash("new CustomResourceOptions{Parent = p, Protect = true}"), Normalized(appended));

        var created = SyntaxEdits.SetInitializerMember(Creation("new CustomResourceOptions()"), "Protect", SyntaxFactory.ParseExpression("true"));
        Assert.Equal(Squash("new CustomResourceOptions(){Protect = true}"), Normalized(created));
    }

    [Fact]
    public void AddArgument_IsPositionalOrNamed()
    {
        var positional = SyntaxEdits.AddArgument(Creation("new Bucket(\"b\", args)"), "options", SyntaxFactory.ParseExpression("opts"), needsName: false);
        Assert.Equal(Squash("new Bucket(\"b\", args, opts)"), Normalized(positional));

        var named = SyntaxEdits.AddArgument(Creation("new Bucket(\"b\")"), "options", SyntaxFactory.ParseExpression("opts"), needsName: true);
        Assert.Equal(Squash("new Bucket(\"b\", options: opts)"), Normalized(named));
    }

    [Fact]
    public void ContainingStatementInBlock_FindsTheStatementOfANestedNode()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { var x = Make(new object()); if (x) { Use(new object()); } } }");
        var creations = tree.GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>().ToList();
        Assert.IsType<LocalDeclarationStatementSyntax>(SyntaxEdits.ContainingStatementInBlock(creations[0]));
        Assert.IsType<ExpressionStatementSyntax>(SyntaxEdits.ContainingStatementInBlock(creations[1]));
    }

    [Fact]
    public async Task StackNameExpression_PrefersAnInScopeLocal()
    {
        var compilation = await TestCompilation.CreateAsync(true, /* lang=c#-test */ """
            using Pulumi;
            class C
            {
                void WithLocal()
                {
                    var stack = Deployment.Instance.StackName;
                    var marker = 1;
                }

                void WithoutLocal()
                {
                    var other = "x";
                    var marker = 2;
                }
            }
            """);
        var tree = compilation.SyntaxTrees.Single();
#pragma warning disable RS1030 // Tests may create semantic models.
        var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        var markers = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(v => v.Identifier.ValueText == "marker").ToList();

        Assert.Equal("stack", SyntaxEdits.StackNameExpression(model, markers[0].SpanStart, CancellationToken.None).ToString());
        Assert.Equal("global::Pulumi.Deployment.Instance.StackName", SyntaxEdits.StackNameExpression(model, markers[1].SpanStart, CancellationToken.None).ToString());
        Assert.True(SyntaxEdits.IsStackNameSyntax(SyntaxFactory.ParseExpression("Pulumi.Deployment.Instance.StackName")));
        Assert.False(SyntaxEdits.IsStackNameSyntax(SyntaxFactory.ParseExpression("Deployment.Instance.ProjectName")));
    }
}
