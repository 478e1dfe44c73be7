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
using Sophia.Infra.Analyzers.Pulumi;
using Sophia.Infra.Analyzers.Rules.Encryption;
using Sophia.Infra.Analyzers.Values;

namespace Sophia.Infra.Analyzers.Rules.Network;

/// <summary>
/// The network family, "default-deny with specific allows": security group ingress open to the internet outside the
/// public ports (SIA5001), S3 buckets and objects made public (SIA5002) and databases reachable from the internet
/// (SIA5003). Every finding points at the offending value where it is written (a CIDR, an ACL, a flag), or at the
/// creation for public access block flags that are not set. Unknown values are never a finding.
/// </summary>
/// <remarks>
/// The fixes reuse the generic value and member edits of the encryption fixes: a finding carries
/// <see cref="EncryptionFix.Edit"/> = <see cref="EncryptionFix.Replace"/> with the <see cref="EncryptionFix.Value"/> to
/// write, or <see cref="EncryptionFix.Add"/> with the <see cref="EncryptionFix.Members"/> to add.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : SophiaAnalyzerBase
{
    private static readonly ArgsPath IngressEntries = new("Ingress[].Protocol");

    private static readonly string[] AccessBlockFlags = { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" };
    private static readonly ImmutableArray<string> AccessBlockFlagList = ImmutableArray.Create(AccessBlockFlags);
    private static readonly ImmutableArray<string> AclMember = ImmutableArray.Create("Acl");
    private static readonly ImmutableArray<string> PublicMember = ImmutableArray.Create("PubliclyAccessible");
    private static readonly ImmutableArray<string> RuleMembers = ImmutableArray.Create("Type", "Protocol", "IpProtocol", "FromPort", "ToPort", "CidrBlocks", "Ipv6CidrBlocks", "CidrIpv4", "CidrIpv6");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.OpenIngress,
        Descriptors.PublicBucket,
        Descriptors.PublicDatabase);

    private enum Kind
    {
        SecurityGroup,
        SecurityGroupRule,
        IngressRule,
        Bucket,
        BucketAcl,
        BucketObject,
        PublicAccessBlock,
        RdsInstance,
        RdsClusterInstance,
        Redshift,
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context, AnalysisServices services)
    {
        // The types are looked up in the first callback (see SophiaAnalyzerBase), once per compilation.
        var lazyKinds = new Lazy<Dictionary<ISymbol, Kind>>(() => KindsOf(services.Symbols));

        // A value written in a local (args, a CIDR list) can be reached from several resources: one finding per place and reason.
        var reported = new ConcurrentDictionary<(SyntaxTree, TextSpan, string), byte>();
        RegisterResourceCreationAction(context, services, (operationContext, creation) =>
        {
            if (!lazyKinds.Value.TryGetValue(creation.Type.OriginalDefinition, out var kind))
            {
                return;
            }

            var analysis = new Analysis(operationContext, creation, services.Values, reported);
            switch (kind)
            {
                case Kind.SecurityGroup:
                    analysis.SecurityGroup();
                    break;
                case Kind.SecurityGroupRule:
                    analysis.SecurityGroupRule();
                    break;
                case Kind.IngressRule:
                    analysis.IngressRule();
                    break;
                case Kind.Bucket:
                    analysis.Acl("S3 bucket");
                    break;
                case Kind.BucketAcl:
                    analysis.Acl("S3 bucket ACL");
                    break;
                case Kind.BucketObject:
                    analysis.Acl("S3 object");
                    break;
                case Kind.PublicAccessBlock:
                    analysis.PublicAccessBlock();
                    break;
                case Kind.RdsInstance:
                    analysis.PubliclyAccessible("RDS instance");
                    break;
                case Kind.RdsClusterInstance:
                    analysis.PubliclyAccessible("RDS cluster instance");
                    break;
                case Kind.Redshift:
                    analysis.PubliclyAccessible("Redshift cluster");
                    break;
            }
        });
    }

    private static Dictionary<ISymbol, Kind> KindsOf(PulumiSymbols symbols)
    {
        var kinds = new Dictionary<ISymbol, Kind>(SymbolIdentity.Instance); // keyed by definition
        Add(kinds, symbols, PulumiType.Ec2SecurityGroup, Kind.SecurityGroup);
        Add(kinds, symbols, PulumiType.Ec2SecurityGroupRule, Kind.SecurityGroupRule);
        Add(kinds, symbols, PulumiType.VpcSecurityGroupIngressRule, Kind.IngressRule);
        Add(kinds, symbols, PulumiType.S3Bucket, Kind.Bucket);
        Add(kinds, symbols, PulumiType.S3BucketV2, Kind.Bucket);
        Add(kinds, symbols, PulumiType.S3BucketAcl, Kind.BucketAcl);
        Add(kinds, symbols, PulumiType.S3BucketAclV2, Kind.BucketAcl);
        Add(kinds, symbols, PulumiType.S3BucketObject, Kind.BucketObject);
        Add(kinds, symbols, PulumiType.S3BucketObjectv2, Kind.BucketObject);
        Add(kinds, symbols, PulumiType.S3BucketPublicAccessBlock, Kind.PublicAccessBlock);
        Add(kinds, symbols, PulumiType.RdsInstance, Kind.RdsInstance);
        Add(kinds, symbols, PulumiType.RdsClusterInstance, Kind.RdsClusterInstance);
        Add(kinds, symbols, PulumiType.RedShiftCluster, Kind.Redshift);
        return kinds;
    }

    private static void Add(Dictionary<ISymbol, Kind> kinds, PulumiSymbols symbols, PulumiType type, Kind kind)
    {
        if (symbols.Get(type) is { } symbol)
        {
            kinds[symbol.OriginalDefinition] = kind;
        }
    }

    /// <summary>The checks of one resource creation.</summary>
    private readonly struct Analysis
    {
        private readonly OperationAnalysisContext _context;
        private readonly ResourceCreation _creation;
        private readonly ValueResolver _values;
        private readonly ConcurrentDictionary<(SyntaxTree, TextSpan, string), byte> _reported;

        public Analysis(OperationAnalysisContext context, ResourceCreation creation, ValueResolver values, ConcurrentDictionary<(SyntaxTree, TextSpan, string), byte> reported)
        {
            _context = context;
            _creation = creation;
            _values = values;
            _reported = reported;
        }

        private CancellationToken CancellationToken => _context.CancellationToken;

        // ------------------------------------------------------------------ SIA5001: ingress open to the internet

        public void SecurityGroup()
        {
            var args = Args(RuleMembers);
            if (args is null)
            {
                return;
            }

            var collector = new OwnerCollector(null);
            IngressEntries.Walk(args, _values, ref collector, CancellationToken);
            if (collector.Owners is null)
            {
                return;
            }

            foreach (var entry in collector.Owners)
            {
                CheckIngress(entry, "Protocol");
            }
        }

        public void SecurityGroupRule()
        {
            var args = Args(RuleMembers);
            var type = ResourceCreation.FindInitializerAssignment(args, "Type");
            if (type is null || LoopBindings.ResolveValue(type.Value, _values, CancellationToken) is not { HasValue: true, Value: string text }
                || !string.Equals(text.Trim(), "ingress", StringComparison.OrdinalIgnoreCase))
            {
                return; // egress, or a type that cannot be known
            }

            CheckIngress(args!, "Protocol");
        }

        public void IngressRule()
        {
            var args = Args(RuleMembers);
            if (args is not null)
            {
                CheckIngress(args, "IpProtocol");
            }
        }

        /// <summary>Checks one ingress rule (a rule resource's args or one entry of a group's <c>Ingress</c>).</summary>
        private void CheckIngress(IObjectCreationOperation rule, string protocolMember)
        {
            var cidrs = new List<IOperation>();
            var lists = new CidrList(_values, cidrs, CancellationToken);
            lists.AddMember(rule, "CidrBlocks");
            lists.AddMember(rule, "Ipv6CidrBlocks");
            AddSingle(cidrs, rule, "CidrIpv4");
            AddSingle(cidrs, rule, "CidrIpv6");
            if (cidrs.Count == 0)
            {
                return;
            }

            var protocol = ResourceCreation.FindInitializerAssignment(rule, protocolMember)?.Value;
            var from = ResourceCreation.FindInitializerAssignment(rule, "FromPort")?.Value;
            var to = ResourceCreation.FindInitializerAssignment(rule, "ToPort")?.Value;
            ImmutableArray<int> publicPorts = default;
            foreach (var cidr in cidrs)
            {
                if (!MayBeOpen(cidr))
                {
                    continue;
                }

                // A loop variable whose values cannot be known stays unknown (a port then says nothing, "-1" still does).
                LoopBindings? bindings = null;
                LoopBindings.TryAdd(ref bindings, cidr, _values, CancellationToken);
                LoopBindings.TryAdd(ref bindings, protocol, _values, CancellationToken);
                LoopBindings.TryAdd(ref bindings, from, _values, CancellationToken);
                LoopBindings.TryAdd(ref bindings, to, _values, CancellationToken);

                if (publicPorts.IsDefault)
                {
                    publicPorts = new OptionReader(_context.Options.AnalyzerConfigOptionsProvider.GetOptions(_creation.Operation.Syntax.SyntaxTree), RuleIds.OpenIngress)
                        .Get(SophiaOptions.PublicPorts);
                }

                var count = bindings?.Count ?? 1;
                for (var combination = 0; combination < count; combination++)
                {
                    if (LoopBindings.Resolve(bindings, combination, cidr, _values, CancellationToken) is not { HasValue: true, Value: string text } || !IsOpen(text))
                    {
                        continue;
                    }

                    var exposure = protocol is null ? null : Exposure(bindings, combination, protocol, from, to, publicPorts);
                    if (exposure is not null)
                    {
                        Report(Descriptors.OpenIngress, cidr.Syntax, IngressMessage(text.Trim(), exposure, publicPorts), null);
                        break;
                    }
                }
            }
        }

        /// <summary>Cheap first test: a CIDR that is a known closed range, or a value that cannot be known, is never open.</summary>
        private bool MayBeOpen(IOperation cidr)
        {
            var value = LoopBindings.ResolveValue(cidr, _values, CancellationToken);
            if (value.HasValue)
            {
                return value.Value is string text && IsOpen(text);
            }

            return _values.Follow(cidr, CancellationToken) is ILocalReferenceOperation;
        }

        /// <summary>What the rule opens beyond the public ports ("TCP port 22", "every protocol and port"), or null when nothing (or unknown).</summary>
        private string? Exposure(LoopBindings? bindings, int combination, IOperation protocol, IOperation? from, IOperation? to, ImmutableArray<int> publicPorts)
        {
            if (LoopBindings.Resolve(bindings, combination, protocol, _values, CancellationToken) is not { HasValue: true, Value: string protocolText })
            {
                return null;
            }

            var name = protocolText.Trim().ToLowerInvariant();
            switch (name)
            {
                case "-1" or "all":
                    return "every protocol and port (protocol \"" + protocolText.Trim() + "\")";
                case "icmp" or "icmpv6" or "1" or "58":
                    return null;
                case "tcp" or "6":
                    name = "TCP";
                    break;
                case "udp" or "17":
                    name = "UDP";
                    break;
                case "":
                    return null;
                default:
                    // Ports only apply to TCP and UDP: any other protocol is open on all of its traffic.
                    return "all traffic of protocol \"" + protocolText.Trim() + "\"";
            }

            if (from is null || to is null
                || LoopBindings.Resolve(bindings, combination, from, _values, CancellationToken) is not { HasValue: true, Value: int first }
                || LoopBindings.Resolve(bindings, combination, to, _values, CancellationToken) is not { HasValue: true, Value: int last }
                || first > last || first < 0)
            {
                return null;
            }

            if (last - first + 1 <= publicPorts.Length)
            {
                var inside = true;
                for (var port = first; port <= last && inside; port++)
                {
                    inside = publicPorts.IndexOf(port) >= 0;
                }

                if (inside)
                {
                    return null;
                }
            }

            return first == last ? name + " port " + first : name + " ports " + first + "-" + last;
        }

        private static string IngressMessage(string cidr, string exposure, ImmutableArray<int> publicPorts)
        {
            var ports = publicPorts.IsEmpty ? "none" : string.Join(", ", publicPorts);
            return "Ingress from " + cidr + " opens " + exposure + " to the internet, outside the public ports (" + ports + "): "
                + "restrict the source to a known CIDR range, a prefix list or a security group, or allow only the public ports from anywhere";
        }

        private static void AddSingle(List<IOperation> cidrs, IObjectCreationOperation rule, string member)
        {
            if (ResourceCreation.FindInitializerAssignment(rule, member) is { } assignment)
            {
                cidrs.Add(assignment.Value);
            }
        }

        /// <summary>A CIDR of prefix length 0 (<c>0.0.0.0/0</c>, <c>::/0</c>) covers every address.</summary>
        private static bool IsOpen(string cidr)
        {
            cidr = cidr.Trim();
            return cidr.EndsWith("/0", StringComparison.Ordinal) && cidr.Length > 2 && (cidr.IndexOf('.') >= 0 || cidr.IndexOf(':') >= 0);
        }

        // ------------------------------------------------------------------ SIA5002: public ACLs and access blocks

        public void Acl(string what)
        {
            var acl = ResourceCreation.FindInitializerAssignment(Args(AclMember), "Acl");
            if (acl is null)
            {
                return;
            }

            LoopBindings? bindings = null;
            LoopBindings.TryAdd(ref bindings, acl.Value, _values, CancellationToken);

            var count = bindings?.Count ?? 1;
            for (var combination = 0; combination < count; combination++)
            {
                if (LoopBindings.Resolve(bindings, combination, acl.Value, _values, CancellationToken) is { HasValue: true, Value: string text }
                    && PublicAclReach(text.Trim()) is { } reach)
                {
                    var message = Subject(what, acl.Value) + " has the canned ACL '" + text.Trim() + "', which " + reach
                        + ": use \"private\" and grant access to named principals with a bucket policy (or serve the content through CloudFront)";
                    Report(Descriptors.PublicBucket, acl.Value.Syntax, message, Replace("\"private\""));
                    return;
                }
            }
        }

        private static string? PublicAclReach(string acl) => acl.ToLowerInvariant() switch
        {
            "public-read" => "lets anyone on the internet read it",
            "public-read-write" => "lets anyone on the internet read and write it",
            "authenticated-read" => "lets every AWS account read it",
            _ => null,
        };

        public void PublicAccessBlock()
        {
            IObjectCreationOperation? args = null;
            if (_creation.ArgsArgument is { } argument)
            {
                var followed = _values.FollowUnchanged(argument.Value, AccessBlockFlagList, CancellationToken);
                if (followed is IObjectCreationOperation creation)
                {
                    args = creation;
                }
                else if (followed is not { ConstantValue: { HasValue: true, Value: null } })
                {
                    return; // args that cannot be known (or are completed later)
                }
            }

            var stacks = KnownStacks();
            string? unset = null;
            var unsetMembers = string.Empty;
            foreach (var flag in AccessBlockFlags)
            {
                var assignment = ResourceCreation.FindInitializerAssignment(args, flag);
                if (assignment is null)
                {
                    unset = unset is null ? flag : unset + ", " + flag;
                    unsetMembers += (unsetMembers.Length == 0 ? string.Empty : "\n") + flag + "=true";
                    continue;
                }

                if (AnyStack.Holds(assignment.Value, expected: false, stacks, _values, CancellationToken, out var stack))
                {
                    var message = Subject("Public access block", assignment.Value) + " sets " + flag + " to false" + AnyStack.Describe(stack) + ", so " + FlagMeaning(flag)
                        + ": set " + flag + " = true";
                    Report(Descriptors.PublicBucket, assignment.Value.Syntax, message, Replace("true"));
                }
            }

            if (unset is not null)
            {
                var message = "Public access block '" + Name() + "' does not set " + unset + ", and a flag that is not set is false (the bucket can still be made public): "
                    + "set all four flags to true";
                var properties = ImmutableDictionary<string, string?>.Empty.Add(EncryptionFix.Edit, EncryptionFix.Add).Add(EncryptionFix.Members, unsetMembers);
                Report(Descriptors.PublicBucket, _creation.Operation.Syntax, message, properties);
            }
        }

        private static string FlagMeaning(string flag) => flag switch
        {
            "BlockPublicAcls" => "new public ACLs are accepted",
            "IgnorePublicAcls" => "public ACLs take effect",
            "BlockPublicPolicy" => "a public bucket policy is accepted",
            _ => "a public bucket policy opens the bucket to anyone",
        };

        // ------------------------------------------------------------------ SIA5003: databases reachable from the internet

        public void PubliclyAccessible(string what)
        {
            var assignment = ResourceCreation.FindInitializerAssignment(Args(PublicMember), "PubliclyAccessible");
            if (assignment is null || !AnyStack.Holds(assignment.Value, expected: true, KnownStacks(), _values, CancellationToken, out var stack))
            {
                return;
            }

            var message = Subject(what, assignment.Value) + " is publicly accessible (PubliclyAccessible is true" + AnyStack.Describe(stack) + "): "
                + "set PubliclyAccessible = false and reach it from inside the VPC (a bastion, a VPN or SSM port forwarding)";
            Report(Descriptors.PublicDatabase, assignment.Value.Syntax, message, Replace("false"));
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>The args creation, unless one of <paramref name="members"/> is written after it was assigned to a local.</summary>
        private IObjectCreationOperation? Args(ImmutableArray<string> members) =>
            _creation.ArgsArgument is null ? null : _values.FollowUnchanged(_creation.ArgsArgument.Value, members, CancellationToken) as IObjectCreationOperation;

        private ImmutableArray<string> KnownStacks()
        {
            var reader = new OptionReader(_context.Options.AnalyzerConfigOptionsProvider.GetOptions(_creation.Operation.Syntax.SyntaxTree), null);
            var environments = reader.Get(SophiaOptions.Environments);
            var production = reader.Get(SophiaOptions.ProductionStacks);
            return environments.AddRange(production);
        }

        private string Name() => EncryptionAnalyzer.NameOf(_creation, _values, CancellationToken);

        /// <summary>
        /// "RDS instance 'orders'" for a value written in the creation; just "RDS instance" for a value written elsewhere (args
        /// in a local), which several resources may share: its one finding must not name one of them.
        /// </summary>
        private string Subject(string what, IOperation value) =>
            _creation.Operation.Syntax.Span.Contains(value.Syntax.Span) && value.Syntax.SyntaxTree == _creation.Operation.Syntax.SyntaxTree
                ? what + " '" + Name() + "'"
                : what;

        private static ImmutableDictionary<string, string?> Replace(string value) =>
            ImmutableDictionary<string, string?>.Empty.Add(EncryptionFix.Edit, EncryptionFix.Replace).Add(EncryptionFix.Value, value);

        private void Report(DiagnosticDescriptor descriptor, SyntaxNode at, string message, ImmutableDictionary<string, string?>? properties)
        {
            if (_reported.TryAdd((at.SyntaxTree, at.Span, descriptor.Id + message), 0))
            {
                _context.Report(Diagnostic.Create(descriptor, at.GetLocation(), properties, message));
            }
        }
    }

    /// <summary>Collects the object creations of the entries of a list that an <see cref="ArgsPath"/> walk went through.</summary>
    private struct OwnerCollector : IArgsPathVisitor
    {
        public OwnerCollector(List<IObjectCreationOperation>? owners) => Owners = owners;

        public List<IObjectCreationOperation>? Owners { get; private set; }

        public void Visit(in ArgsPathHit hit)
        {
            if (hit.Depth == 1 && hit.Owner is not null && hit.Kind is ArgsPathHitKind.Missing or ArgsPathHitKind.Value)
            {
                (Owners ??= new List<IObjectCreationOperation>()).Add(hit.Owner);
            }
        }
    }
}
