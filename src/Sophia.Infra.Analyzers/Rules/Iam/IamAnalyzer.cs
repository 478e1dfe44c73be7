using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using Sophia.Infra.Analyzers.Catalog;
using Sophia.Infra.Analyzers.Infrastructure;
using Sophia.Infra.Analyzers.Options;
using Sophia.Infra.Analyzers.Policies;
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Iam;

/// <summary>
/// Least privilege (SIA4001-SIA4005), wherever the policy is written. Every policy-bearing argument of a resource and every
/// <c>Iam.GetPolicyDocument</c> call is read into one <see cref="PolicyDocument"/> model (<see cref="PolicyReader"/>), which
/// the four rules check:
/// SIA4001 an Allow statement with a wildcard action (<c>*</c>, <c>service:*</c>; partial ones by option) or a NotAction;
/// SIA4002 an Allow statement of an identity policy on <c>"Resource": "*"</c> unless all its actions only exist on <c>*</c>
/// (AWS lists no resource type for them: <see cref="IamActionCatalog"/>);
/// SIA4003 an Allow statement granting to <c>"*"</c> / <c>{"AWS": "*"}</c> without a Condition (and a Lambda permission for
/// <c>*</c> without a source); SIA4004 an admin-level AWS managed policy in <c>PolicyArn</c> / <c>ManagedPolicyArns</c>;
/// SIA4005 an Allow statement naming (in Action or NotAction) an action that AWS does not have, or a wildcard matching none.
/// Deny statements and unknown values are never findings. Findings point at the offending value: inside the JSON text when
/// it is written (in whichever file), else at the policy argument.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IamAnalyzer : SophiaAnalyzerBase
{
    private static readonly string[] AdminPolicies = { "AdministratorAccess", "PowerUserAccess", "IAMFullAccess" };

    private static readonly PulumiType[] PolicyAttachments =
    {
        PulumiType.IamRolePolicyAttachment,
        PulumiType.IamUserPolicyAttachment,
        PulumiType.IamGroupPolicyAttachment,
        PulumiType.IamPolicyAttachment,
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.WildcardAction,
        Descriptors.WildcardResource,
        Descriptors.WildcardPrincipal,
        Descriptors.AdminManagedPolicy,
        Descriptors.UnknownAction);

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        var state = new State(services);
        RegisterResourceCreationAction(context, services, state.AnalyzeResource);
        RegisterOperationAction(context, services, state.AnalyzeInvocation, OperationKind.Invocation);
    }

    /// <summary>The per-compilation state: the reader, and the shared values already reported (one finding per value and rule).</summary>
    private sealed class State
    {
        private readonly AnalysisServices _services;
        private readonly Lazy<PolicyReader> _reader; // made in the first callback (SophiaAnalyzerBase)
        private readonly ConcurrentDictionary<(string Id, SyntaxTree Tree, TextSpan Span), byte> _shared = new();

        public State(AnalysisServices services)
        {
            _services = services;
            _reader = new Lazy<PolicyReader>(() => new PolicyReader(services));
        }

        private PulumiSymbols Symbols => _services.Symbols;

        public void AnalyzeResource(OperationAnalysisContext context, ResourceCreation creation)
        {
            var type = creation.Type;
            var arguments = PolicyArguments.Of(Symbols, type);
            foreach (var argument in arguments)
            {
                if (argument.IsInlinePolicyList)
                {
                    AnalyzeInlinePolicies(context, creation, argument);
                }
                else if (creation.FindArgsAssignment(argument.Property, _services.Values, context.CancellationToken) is { } assignment)
                {
                    AnalyzeDocument(context, _reader.Value.ReadDocument(assignment.Value, argument.Kind, context.CancellationToken), argument.Description, assignment.Syntax.GetLocation());
                }
            }

            if (Symbols.Is(type, PulumiType.IamRole))
            {
                AnalyzeManagedPolicyArns(context, creation);
            }
            else if (Symbols.Is(type, PulumiType.LambdaPermission))
            {
                AnalyzeLambdaPermission(context, creation);
            }
            else
            {
                foreach (var attachment in PolicyAttachments)
                {
                    if (Symbols.Is(type, attachment))
                    {
                        if (creation.FindArgsAssignment("PolicyArn", _services.Values, context.CancellationToken) is { } policyArn)
                        {
                            ReportAdminPolicy(context, policyArn.Value, policyArn.Syntax.GetLocation(), type.Name);
                        }

                        break;
                    }
                }
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!_reader.Value.IsGetPolicyDocument(invocation))
            {
                return;
            }

            var document = _reader.Value.ReadGetPolicyDocument(invocation, PolicyKind.Identity, context.CancellationToken);
            if (document is null)
            {
                return;
            }

            // Where the result goes only matters for SIA4002 (and the wording of SIA4003): find out only then.
            var kind = PolicyKind.Identity;
            if (MayAllowOnEveryResource(document) || HasPrincipal(document))
            {
                kind = _reader.Value.ClassifyGetPolicyDocument(invocation, context.CancellationToken);
                document = new PolicyDocument(kind, document.Statements);
            }

            AnalyzeDocument(context, document, Describe(kind), invocation.Syntax.GetLocation());
        }

        private static bool MayAllowOnEveryResource(PolicyDocument document)
        {
            foreach (var statement in document.Statements)
            {
                if (statement.Effect == PolicyEffect.Allow)
                {
                    if (statement.NotResource.Presence == PolicyPresence.Present)
                    {
                        return true;
                    }

                    foreach (var resource in statement.Resource.Values)
                    {
                        if (resource.Text == "*")
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool HasPrincipal(PolicyDocument document)
        {
            foreach (var statement in document.Statements)
            {
                if (statement.Principals.Length > 0 || statement.NotPrincipal.Presence == PolicyPresence.Present)
                {
                    return true;
                }
            }

            return false;
        }

        private void AnalyzeInlinePolicies(OperationAnalysisContext context, ResourceCreation creation, PolicyArgument argument)
        {
            foreach (var element in ListArgument(creation, argument.Property, context.CancellationToken))
            {
                if (_services.Values.Follow(element, context.CancellationToken) is IObjectCreationOperation inline
                    && ResourceCreation.FindInitializerAssignment(inline, "Policy") is { } policy)
                {
                    AnalyzeDocument(context, _reader.Value.ReadDocument(policy.Value, argument.Kind, context.CancellationToken), argument.Description, policy.Syntax.GetLocation());
                }
            }
        }

        /// <summary>The elements of a list argument (<c>Prop = { ... }</c> or <c>Prop = list</c>) that can be seen.</summary>
        private List<IOperation> ListArgument(ResourceCreation creation, string property, CancellationToken cancellationToken)
        {
            var elements = new List<IOperation>();
            var args = creation.GetArgsCreation(_services.Values, cancellationToken);
            IOperation? list = ResourceCreation.FindMemberInitializer(args, property)?.Initializer
                ?? ResourceCreation.FindInitializerAssignment(args, property)?.Value;
            if (list is not null)
            {
                _reader.Value.CollectElements(list, elements, cancellationToken);
            }

            return elements;
        }

        // ------------------------------------------------------------------ the document rules

        private void AnalyzeDocument(OperationAnalysisContext context, PolicyDocument? document, string description, Location anchor)
        {
            if (document is null)
            {
                return;
            }

            bool? partialWildcards = null;
            foreach (var statement in document.Statements)
            {
                if (statement.Effect != PolicyEffect.Allow)
                {
                    continue; // Deny narrows; an unknown effect is not a finding
                }

                // SIA4001: wildcard actions, NotAction with Allow. SIA4005: actions that do not exist (trust policies get SIA4003 only).
                var checkExistence = document.Kind != PolicyKind.Trust;
                foreach (var action in statement.Action.Values)
                {
                    if (action.Text is not { } text)
                    {
                        continue;
                    }

                    if (DescribeWildcard(context, text, ref partialWildcards) is { } what)
                    {
                        Report(context, Descriptors.WildcardAction, action.Location, anchor, statement.DisplayName, what);
                    }

                    if (checkExistence)
                    {
                        ReportUnknownAction(context, action, anchor, statement, notAction: false);
                    }
                }

                if (statement.NotAction.Presence == PolicyPresence.Present)
                {
                    Report(context, Descriptors.WildcardAction, statement.NotAction.MemberLocation, anchor, statement.DisplayName, "every action except those in NotAction");
                    if (checkExistence)
                    {
                        foreach (var action in statement.NotAction.Values)
                        {
                            if (action.Text is not null)
                            {
                                ReportUnknownAction(context, action, anchor, statement, notAction: true);
                            }
                        }
                    }
                }

                // SIA4002: "Resource": "*" in an identity policy, unless every action only exists on "*".
                if (document.Kind == PolicyKind.Identity && statement.PrincipalPresence == PolicyPresence.Absent)
                {
                    foreach (var resource in statement.Resource.Values)
                    {
                        if (resource.Text == "*" && BroadAction(statement) is { } broad)
                        {
                            Report(context, Descriptors.WildcardResource, resource.Location, anchor, statement.DisplayName, broad, "every resource (\"*\")", "name the resource ARNs it acts on instead");
                        }
                    }

                    // NotResource with Allow grants every resource but the listed ones (design: SIA4002 in an identity policy).
                    if (statement.NotResource.Presence == PolicyPresence.Present)
                    {
                        Report(
                            context,
                            Descriptors.WildcardResource,
                            statement.NotResource.MemberLocation,
                            anchor,
                            statement.DisplayName,
                            DescribeActions(statement),
                            "every resource except those in NotResource",
                            "replace NotResource with Resource listing the ARNs it acts on");
                    }
                }

                // SIA4003: NotPrincipal with Allow grants every principal but the listed ones; a Condition narrows it (design).
                if (statement.NotPrincipal.Presence == PolicyPresence.Present && statement.Condition == PolicyPresence.Absent)
                {
                    Report(
                        context,
                        Descriptors.WildcardPrincipal,
                        statement.NotPrincipal.MemberLocation,
                        anchor,
                        statement.DisplayName + " of the " + description,
                        "every principal except those in NotPrincipal",
                        "replace NotPrincipal with Principal naming the principals it trusts (an account, role or service), or add a Condition");
                }

                // SIA4003: any principal, no condition.
                if (statement.Condition == PolicyPresence.Absent)
                {
                    foreach (var principal in statement.Principals)
                    {
                        if (PolicyDocumentBuilder.IsEveryone(principal))
                        {
                            Report(
                                context,
                                Descriptors.WildcardPrincipal,
                                principal.Value.Location,
                                anchor,
                                statement.DisplayName + " of the " + description,
                                principal.Type is null ? "\"*\"" : "{\"" + principal.Type + "\": \"*\"}",
                                "name the principals it trusts (an account, role or service) or add a Condition (e.g. aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID)");
                        }
                    }
                }
            }
        }

        /// <summary>
        /// What makes <paramref name="action"/> a wildcard, for the message; null when it is not one, when it grants nothing
        /// (SIA4005's business), or when it is a partial wildcard whose every action is only granted on "*" (design: those are
        /// never SIA4001). A partial wildcard says how many actions it grants and their access levels.
        /// </summary>
        private static string? DescribeWildcard(OperationAnalysisContext context, string action, ref bool? partialWildcards)
        {
            if (action.IndexOf('*') < 0 && action.IndexOf('?') < 0)
            {
                return null;
            }

            if (action == "*")
            {
                return "the wildcard action \"*\"";
            }

            var catalog = IamActionCatalog.Instance;
            var colon = action.IndexOf(':');
            if (colon >= 0 && action.Length == colon + 2 && action[colon + 1] == '*')
            {
                return IamActionMatch.Evaluate(catalog, action).GrantsNothing ? null : "every action of a service (\"" + action + "\")";
            }

            partialWildcards ??= new OptionReader(
                context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree),
                RuleIds.WildcardAction).Get(SophiaOptions.IamPartialWildcards);
            if (!partialWildcards.Value)
            {
                return null;
            }

            var match = IamActionMatch.Evaluate(catalog, action);
            return match.Kind switch
            {
                IamActionMatchKind.Matched when match.IsStarOnly => null,
                IamActionMatchKind.Matched => "the partial wildcard action \"" + action + "\" (" + IamActionMatch.DescribeLevels(catalog, action) + ")",
                IamActionMatchKind.NotChecked => "the partial wildcard action \"" + action + "\"",
                _ => null,
            };
        }

        /// <summary>The actions of a statement for the SIA4002 NotResource message: the first one written, or NotAction's meaning.</summary>
        private static string DescribeActions(PolicyStatement statement)
        {
            if (statement.NotAction.Presence == PolicyPresence.Present)
            {
                return "every action except those in NotAction";
            }

            var values = statement.Action.Values;
            if (values.Length == 0)
            {
                return "its actions";
            }

            var first = "\"" + values[0].Display + "\"";
            return values.Length == 1 ? first : first + " and " + (values.Length - 1) + " more";
        }

        /// <summary>
        /// The first action of the statement that is not only granted on "*", for the message; null when there is none. An entry
        /// that names no existing action does not make the statement fine; one with holes could be anything and is skipped.
        /// </summary>
        private static string? BroadAction(PolicyStatement statement)
        {
            if (statement.NotAction.Presence == PolicyPresence.Present)
            {
                return "every action except those in NotAction";
            }

            var catalog = IamActionCatalog.Instance;
            string? nonexistent = null;
            foreach (var action in statement.Action.Values)
            {
                if (action.Text is not { } text)
                {
                    continue;
                }

                var match = IamActionMatch.Evaluate(catalog, text);
                switch (match.Kind)
                {
                    case IamActionMatchKind.Everything:
                        return "\"*\"";
                    case IamActionMatchKind.Matched when match.FirstScopable >= 0:
                        return match.Count == 1 && text.IndexOf('*') < 0 && text.IndexOf('?') < 0
                            ? "\"" + text + "\""
                            : "\"" + text + "\" (it includes " + IamActionMatch.FullName(catalog, match.FirstScopable) + ", which can be limited to resource ARNs)";
                    case IamActionMatchKind.Malformed:
                    case IamActionMatchKind.UnknownService:
                    case IamActionMatchKind.NoMatch:
                        nonexistent ??= "\"" + text + "\" (no such action: SIA4005)";
                        break;
                }
            }

            return nonexistent;
        }

        /// <summary>SIA4005: an Action or NotAction entry of an Allow statement that names no existing action.</summary>
        private void ReportUnknownAction(OperationAnalysisContext context, PolicyValue action, Location anchor, PolicyStatement statement, bool notAction)
        {
            var text = action.Text!;
            if (text == "*")
            {
                return;
            }

            var catalog = IamActionCatalog.Instance;
            var match = IamActionMatch.Evaluate(catalog, text);
            if (!match.GrantsNothing)
            {
                return;
            }

            var colon = text.IndexOf(':');
            var why = match.Kind switch
            {
                IamActionMatchKind.Malformed => "which is not of the form service:action",
                IamActionMatchKind.UnknownService => "but AWS has no service with the prefix \"" + text.Substring(0, colon) + "\"",
                _ when text.IndexOf('*') >= 0 || text.IndexOf('?') >= 0 => "which matches no action of " + text.Substring(0, colon),
                _ => "which is not an action of " + text.Substring(0, colon),
            };
            var effect = notAction ? "it excludes nothing, so the statement allows more than meant" : "it grants nothing";
            var instead = IamActionMatch.Closest(catalog, text) is { } closest
                ? "write \"" + closest + "\""
                : match.Kind switch
                {
                    IamActionMatchKind.Malformed => "write it as \"<service prefix>:<action>\"",
                    IamActionMatchKind.UnknownService => "write the prefix of an AWS service (as in \"s3:GetObject\")",
                    _ => "write an action that " + text.Substring(0, colon) + " has",
                };
            var written = notAction ? " excludes \"" + text + "\" in NotAction, " : " allows \"" + text + "\", ";
            Report(context, Descriptors.UnknownAction, action.Location, anchor, statement.DisplayName + written + why + ": " + effect + "; " + instead);
        }

        private static string Describe(PolicyKind kind) => kind switch
        {
            PolicyKind.Trust => "trust policy",
            PolicyKind.Key => "key policy",
            PolicyKind.Resource => "resource policy",
            _ => "identity policy",
        };

        // ------------------------------------------------------------------ SIA4003: Lambda permissions

        private void AnalyzeLambdaPermission(OperationAnalysisContext context, ResourceCreation creation)
        {
            var values = _services.Values;
            var cancellationToken = context.CancellationToken;
            if (creation.FindArgsAssignment("Principal", values, cancellationToken) is not { } principal
                || values.ResolveString(principal.Value, cancellationToken).Value != "*")
            {
                return;
            }

            foreach (var narrowing in new[] { "SourceArn", "SourceAccount", "PrincipalOrgId" })
            {
                if (creation.FindArgsAssignment(narrowing, values, cancellationToken) is { } assignment
                    && ValueResolver.Unwrap(assignment.Value) is not { ConstantValue: { HasValue: true, Value: null } })
                {
                    return;
                }
            }

            Report(
                context,
                Descriptors.WildcardPrincipal,
                principal.Syntax.GetLocation(),
                principal.Syntax.GetLocation(),
                "The Lambda permission",
                "\"*\"",
                "name the service or account that invokes it (e.g. \"s3.amazonaws.com\"), or set SourceArn, SourceAccount or PrincipalOrgId");
        }

        // ------------------------------------------------------------------ SIA4004: admin managed policies

        private void AnalyzeManagedPolicyArns(OperationAnalysisContext context, ResourceCreation creation)
        {
            foreach (var element in ListArgument(creation, "ManagedPolicyArns", context.CancellationToken))
            {
                var location = ValueResolver.Unwrap(element).Syntax.GetLocation();
                ReportAdminPolicy(context, element, location, creation.Type.Name);
            }
        }

        private void ReportAdminPolicy(OperationAnalysisContext context, IOperation value, Location location, string resource)
        {
            if (AdminPolicyName(value, context.CancellationToken) is { } name)
            {
                Report(context, Descriptors.AdminManagedPolicy, location, location, resource, name);
            }
        }

        /// <summary>The admin policy that <paramref name="value"/> names (an ARN, a constant, an <c>Iam.ManagedPolicy</c> member); null otherwise.</summary>
        private string? AdminPolicyName(IOperation value, CancellationToken cancellationToken)
        {
            // Followed first, so that a field or local holding ManagedPolicy.X.ToString() is seen as that member.
            var operation = _services.Values.Follow(value, cancellationToken);
            if (operation is IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance, Arguments.Length: 0 })
            {
                operation = ValueResolver.Unwrap(instance);
            }

            if (operation is IPropertyReferenceOperation { Property.IsStatic: true } member && Symbols.Is(member.Property.ContainingType, PulumiType.IamManagedPolicy))
            {
                return Array.IndexOf(AdminPolicies, member.Property.Name) >= 0 ? member.Property.Name : null;
            }

            var resolved = _services.Values.ResolveString(value, cancellationToken);
            var parts = resolved.Parts;
            if (parts.Length == 0)
            {
                return null;
            }

            var last = parts[parts.Length - 1];
            if (last.Kind != StringPartKind.Text)
            {
                return null;
            }

            // The ARN's tail is known: arn:{partition}:iam::aws:policy/AdministratorAccess.
            var text = resolved.IsFullyKnown ? resolved.Value! : last.Text;
            foreach (var name in AdminPolicies)
            {
                var suffix = ":iam::aws:policy/" + name;
                if (text.EndsWith(suffix, StringComparison.Ordinal) && (text.Length > suffix.Length || !resolved.IsFullyKnown)
                    && (!resolved.IsFullyKnown || text.StartsWith("arn:", StringComparison.Ordinal)))
                {
                    return name;
                }
            }

            return null;
        }

        // ------------------------------------------------------------------ reporting

        /// <summary>
        /// Reports at <paramref name="location"/> when it is in the file being analysed (a value written in another file points at
        /// the policy argument, <paramref name="anchor"/>), once per location and rule: a value written outside the operation
        /// being analysed (a shared constant, local or helper) is reported by the first resource that uses it.
        /// </summary>
        private void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location? location, Location anchor, params object[] arguments)
        {
            var syntax = context.Operation.Syntax;
            if (location?.SourceTree is null)
            {
                location = anchor;
            }

            if (location.SourceTree is null)
            {
                return;
            }

            // A value outside this creation (a local, a constant, a helper, in this file or another) may be reached from several
            // creations: it is reported once.
            var inside = location.SourceTree == syntax.SyntaxTree && syntax.Span.Contains(location.SourceSpan);
            if (!inside && !_shared.TryAdd((descriptor.Id, location.SourceTree, location.SourceSpan), 0))
            {
                return;
            }

            context.Report(Diagnostic.Create(descriptor, location, arguments));
        }
    }
}
