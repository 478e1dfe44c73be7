using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Sophia.Infra.Analyzers.Catalog;
using Xunit;
using Verify = Sophia.Infra.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Sophia.Infra.Analyzers.Rules.Network.NetworkAnalyzer>;

namespace Sophia.Infra.Analyzers.Tests.Rules.Network;

/// <summary>SIA5001: security group ingress open to the internet outside the public ports, in every form it is written.</summary>
public sealed class OpenIngressTests
{
    private static string Program(string body) => /* lang=c#-test */ $$"""
        using System.Collections.Generic;
        using Pulumi;
        using Aws = Pulumi.Aws;

        static class Stack
        {
            const string Anywhere = "0.0.0.0/0";
            const int Ssh = 22;

            static void Create(string stack, Config config, Aws.Ec2.SecurityGroup sg)
            {
        {{body}}
            }
        }
        """;

    private static DiagnosticResult Open(int location, string cidr, string exposure, string ports = "80, 443") =>
        Verify.Diagnostic(Descriptors.OpenIngress).WithLocation(location).WithArguments(
            "Ingress from " + cidr + " opens " + exposure + " to the internet, outside the public ports (" + ports + "): "
            + "restrict the source to a known CIDR range, a prefix list or a security group, or allow only the public ports from anywhere");

    [Fact]
    public async Task PublicPortsFromAnywhere_PrivateSources_Egress_Icmp_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var adminCidr = config.Require("adminCidr");
                    new Aws.Ec2.SecurityGroup("web", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress =
                        {
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = { "0.0.0.0/0" }, Ipv6CidrBlocks = { "::/0" } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 80, ToPort = 80, CidrBlocks = { "0.0.0.0/0" } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = { "10.0.0.0/8", adminCidr } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "-1", FromPort = 0, ToPort = 0, Self = true },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "icmp", FromPort = -1, ToPort = -1, CidrBlocks = { "0.0.0.0/0" } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "icmpv6", FromPort = -1, ToPort = -1, Ipv6CidrBlocks = { "::/0" } },
                        },
                        Egress =
                        {
                            new Aws.Ec2.Inputs.SecurityGroupEgressArgs { Protocol = "-1", FromPort = 0, ToPort = 0, CidrBlocks = { "0.0.0.0/0" } },
                        },
                    });
                    new Aws.Ec2.SecurityGroupRule("egress-all", new Aws.Ec2.SecurityGroupRuleArgs
                    {
                        Type = "egress", Protocol = "-1", FromPort = 0, ToPort = 0, CidrBlocks = { "0.0.0.0/0" }, SecurityGroupId = sg.Id,
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("https", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "0.0.0.0/0",
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("ssh-admin", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = "192.168.0.0/16",
                    });
            """));
    }

    [Fact]
    public async Task SecurityGroupIngress_CollectionInitializer_EachOpenCidrAtItsValue()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Ec2.SecurityGroup("ssh", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress =
                        {
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs
                            {
                                Protocol = "tcp",
                                FromPort = 22,
                                ToPort = 22,
                                CidrBlocks = { "10.0.0.0/8", {|#0:"0.0.0.0/0"|} },
                                Ipv6CidrBlocks = { {|#1:"::/0"|} },
                            },
                        },
                    });
            """),
            Open(0, "0.0.0.0/0", "TCP port 22"),
            Open(1, "::/0", "TCP port 22"));
    }

    [Fact]
    public async Task ArrayListAndInputListForms_AreFollowed()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var open = new InputList<string> { {|#3:"0.0.0.0/0"|} };
                    var openList = new List<string> { {|#4:"::/0"|} };
                    new Aws.Ec2.SecurityGroup("forms", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress = new[]
                        {
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 3389, ToPort = 3389, CidrBlocks = new[] { {|#0:"0.0.0.0/0"|} } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 5432, ToPort = 5432, CidrBlocks = new List<string> { {|#1:"0.0.0.0/0"|} } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "udp", FromPort = 53, ToPort = 53, CidrBlocks = {|#2:"0.0.0.0/0"|} },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 8080, ToPort = 8080, CidrBlocks = open },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 9000, ToPort = 9100, Ipv6CidrBlocks = openList },
                        },
                    });
            """),
            Open(0, "0.0.0.0/0", "TCP port 3389"),
            Open(1, "0.0.0.0/0", "TCP port 5432"),
            Open(2, "0.0.0.0/0", "UDP port 53"),
            Open(3, "0.0.0.0/0", "TCP port 8080"),
            Open(4, "::/0", "TCP ports 9000-9100"));
    }

    [Fact]
    public async Task ConstantsAndLocals_AreFollowed_FindingAtTheUse()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var port = Ssh;
                    var cidr = "0.0.0.0/0";
                    new Aws.Ec2.SecurityGroup("consts", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress =
                        {
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = Ssh, ToPort = Ssh, CidrBlocks = { {|#0:Anywhere|} } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = port, ToPort = port, CidrBlocks = { {|#1:cidr|} } },
                        },
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("vpc", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = port, ToPort = port, CidrIpv4 = {|#2:cidr|},
                    });
            """),
            Open(0, "0.0.0.0/0", "TCP port 22"),
            Open(1, "0.0.0.0/0", "TCP port 22"),
            Open(2, "0.0.0.0/0", "TCP port 22"));
    }

    [Fact]
    public async Task IngressArgsBuiltInALocal_PointAtTheCidrWhereWritten_OncePerPlace()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    var sshFromAnywhere = new Aws.Ec2.Inputs.SecurityGroupIngressArgs
                    {
                        Protocol = "tcp",
                        FromPort = 22,
                        ToPort = 22,
                        CidrBlocks = { {|#0:"0.0.0.0/0"|} },
                    };
                    new Aws.Ec2.SecurityGroup("a", new Aws.Ec2.SecurityGroupArgs { Ingress = { sshFromAnywhere } });
                    new Aws.Ec2.SecurityGroup("b", new Aws.Ec2.SecurityGroupArgs { Ingress = { sshFromAnywhere } });
            """),
            Open(0, "0.0.0.0/0", "TCP port 22"));
    }

    [Fact]
    public async Task AllProtocols_AreAFindingWhateverThePortsSay()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Ec2.SecurityGroup("all", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress =
                        {
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "-1", FromPort = 443, ToPort = 443, CidrBlocks = { {|#0:"0.0.0.0/0"|} } },
                        },
                    });
                    new Aws.Ec2.SecurityGroupRule("all-rule", new Aws.Ec2.SecurityGroupRuleArgs
                    {
                        Type = "ingress", Protocol = Aws.Ec2.ProtocolType.All, FromPort = 0, ToPort = 0, CidrBlocks = { {|#1:"0.0.0.0/0"|} }, SecurityGroupId = sg.Id,
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("all-vpc", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "-1", CidrIpv6 = {|#2:"::/0"|},
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("gre", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "47", CidrIpv4 = {|#3:"0.0.0.0/0"|},
                    });
            """),
            Open(0, "0.0.0.0/0", "every protocol and port (protocol \"-1\")"),
            Open(1, "0.0.0.0/0", "every protocol and port (protocol \"all\")"),
            Open(2, "::/0", "every protocol and port (protocol \"-1\")"),
            Open(3, "0.0.0.0/0", "all traffic of protocol \"47\""));
    }

    [Fact]
    public async Task SecurityGroupRule_IngressOnly_ProtocolTypeEnum()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Ec2.SecurityGroupRule("ssh", new Aws.Ec2.SecurityGroupRuleArgs
                    {
                        Type = "ingress", Protocol = Aws.Ec2.ProtocolType.TCP, FromPort = 22, ToPort = 22, CidrBlocks = { {|#0:"0.0.0.0/0"|} }, SecurityGroupId = sg.Id,
                    });
                    new Aws.Ec2.SecurityGroupRule("ssh-out", new Aws.Ec2.SecurityGroupRuleArgs
                    {
                        Type = "egress", Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = { "0.0.0.0/0" }, SecurityGroupId = sg.Id,
                    });
                    new Aws.Ec2.SecurityGroupRule("https", new Aws.Ec2.SecurityGroupRuleArgs
                    {
                        Type = "ingress", Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = { "0.0.0.0/0" }, SecurityGroupId = sg.Id,
                    });
                    new Aws.Ec2.SecurityGroupRule("unknown-type", new Aws.Ec2.SecurityGroupRuleArgs
                    {
                        Type = config.Require("direction"), Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = { "0.0.0.0/0" }, SecurityGroupId = sg.Id,
                    });
            """),
            Open(0, "0.0.0.0/0", "TCP port 22"));
    }

    [Fact]
    public async Task PortRange_MustBeEntirelyPublic()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Vpc.SecurityGroupIngressRule("range", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 80, ToPort = 443, CidrIpv4 = {|#0:"0.0.0.0/0"|},
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("all-tcp", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "6", FromPort = 0, ToPort = 65535, CidrIpv4 = {|#1:"0.0.0.0/0"|},
                    });
            """),
            Open(0, "0.0.0.0/0", "TCP ports 80-443"),
            Open(1, "0.0.0.0/0", "TCP ports 0-65535"));
    }

    [Fact]
    public async Task ForEachOverConstants_EachElementIsChecked()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    foreach (var port in new[] { 80, 443 })
                    {
                        new Aws.Ec2.SecurityGroupRule($"web-{port}", new Aws.Ec2.SecurityGroupRuleArgs
                        {
                            Type = "ingress", Protocol = "tcp", FromPort = port, ToPort = port, CidrBlocks = { "0.0.0.0/0" }, SecurityGroupId = sg.Id,
                        });
                    }

                    foreach (var port in new List<int> { 443, Ssh })
                    {
                        new Aws.Ec2.SecurityGroupRule($"mixed-{port}", new Aws.Ec2.SecurityGroupRuleArgs
                        {
                            Type = "ingress", Protocol = "tcp", FromPort = port, ToPort = port, CidrBlocks = { {|#0:"0.0.0.0/0"|} }, SecurityGroupId = sg.Id,
                        });
                    }

                    var cidrs = new[] { "10.0.0.0/8", Anywhere };
                    foreach (var cidr in cidrs)
                    {
                        new Aws.Vpc.SecurityGroupIngressRule($"db-{cidr}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                        {
                            SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, CidrIpv4 = {|#1:cidr|},
                        });
                    }
            """),
            Open(0, "0.0.0.0/0", "TCP port 22"),
            Open(1, "0.0.0.0/0", "TCP port 5432"));
    }

    [Fact]
    public async Task CollectionExpressions_AreRead()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    new Aws.Ec2.SecurityGroup("expr", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress =
                        [
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = ["10.0.0.0/8", {|#0:"0.0.0.0/0"|}] },
                        ],
                    });
                    foreach (var port in (int[])[443, 3306])
                    {
                        new Aws.Vpc.SecurityGroupIngressRule($"r-{port}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                        {
                            SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = port, ToPort = port, CidrIpv6 = {|#1:"::/0"|},
                        });
                    }
            """),
            Open(0, "0.0.0.0/0", "TCP port 22"),
            Open(1, "::/0", "TCP port 3306"));
    }

    [Fact]
    public async Task LoopOverUnknownValues_AllProtocols_IsStillAFinding()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    foreach (var port in config.RequireObject<int[]>("ports"))
                    {
                        new Aws.Vpc.SecurityGroupIngressRule($"all-{port}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                        {
                            SecurityGroupId = sg.Id, IpProtocol = "-1", FromPort = port, ToPort = port, CidrIpv4 = {|#0:"0.0.0.0/0"|},
                        });
                        new Aws.Vpc.SecurityGroupIngressRule($"tcp-{port}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                        {
                            SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = port, ToPort = port, CidrIpv4 = "0.0.0.0/0",
                        });
                    }
            """),
            Open(0, "0.0.0.0/0", "every protocol and port (protocol \"-1\")"));
    }

    [Fact]
    public async Task UnknownValues_HelperParameters_AreSilent()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var port = config.RequireInt32("port");
                    new Aws.Ec2.SecurityGroup("unknown", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress =
                        {
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = port, ToPort = port, CidrBlocks = { "0.0.0.0/0" } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = config.Require("protocol"), FromPort = 22, ToPort = 22, CidrBlocks = { "0.0.0.0/0" } },
                            new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = { config.Require("cidr") } },
                            Rule(22),
                        },
                    });
                    Open(sg, 22);
                    foreach (var p in Ports())
                    {
                        new Aws.Vpc.SecurityGroupIngressRule($"p-{p}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                        {
                            SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = p, ToPort = p, CidrIpv4 = "0.0.0.0/0",
                        });
                    }
                }

                static int[] Ports() => new[] { 22 };

                static Aws.Ec2.Inputs.SecurityGroupIngressArgs Rule(int port) => new() { Protocol = "tcp", FromPort = port, ToPort = port, CidrBlocks = { "0.0.0.0/0" } };

                static void Open(Aws.Ec2.SecurityGroup sg, int port)
                {
                    new Aws.Vpc.SecurityGroupIngressRule($"open-{port}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = port, ToPort = port, CidrIpv4 = "0.0.0.0/0",
                    });
            """));
    }

    [Fact]
    public async Task CidrListChangedAfterItsCreation_IsSilent()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    var cidrs = new List<string> { "10.0.0.0/8" };
                    cidrs.Clear();
                    new Aws.Ec2.SecurityGroup("changed", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress = { new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = cidrs } },
                    });
            """));
    }

    [Fact]
    public async Task HelperParameterWithAllProtocols_IsStillAFinding()
    {
        await Verify.VerifyAnalyzerAsync(
            Program("""
                    Open(sg, 22);
                }

                static void Open(Aws.Ec2.SecurityGroup sg, int port)
                {
                    new Aws.Vpc.SecurityGroupIngressRule($"open-{port}", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "-1", FromPort = port, ToPort = port, CidrIpv4 = {|#0:"0.0.0.0/0"|},
                    });
            """),
            Open(0, "0.0.0.0/0", "every protocol and port (protocol \"-1\")"));
    }

    [Fact]
    public async Task PublicPortsOption_ChangesWhatIsPublic()
    {
        var source = Program("""
                    new Aws.Vpc.SecurityGroupIngressRule("https", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "0.0.0.0/0",
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("alt", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 8443, ToPort = 8443, CidrIpv4 = "0.0.0.0/0",
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("http", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 80, ToPort = 80, CidrIpv4 = {|#0:"0.0.0.0/0"|},
                    });
            """);
        var test = new Verify.Test { TestCode = source }.WithOptions("sophia_infra.public_ports = 443, 8443");
        test.ExpectedDiagnostics.Add(Open(0, "0.0.0.0/0", "TCP port 80", "443, 8443"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PublicPortsOption_PerRuleKeyWins()
    {
        var source = Program("""
                    new Aws.Vpc.SecurityGroupIngressRule("ssh", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = "0.0.0.0/0",
                    });
            """);
        await new Verify.Test { TestCode = source }.WithOptions("sophia_infra.public_ports = 443\nsophia_infra.sia5001.public_ports = 22").RunAsync();
    }

    [Fact]
    public async Task PublicPortsOption_Invalid_UsesTheDefault()
    {
        var source = Program("""
                    new Aws.Vpc.SecurityGroupIngressRule("https", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 443, ToPort = 443, CidrIpv4 = "0.0.0.0/0",
                    });
                    new Aws.Vpc.SecurityGroupIngressRule("ssh", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = {|#0:"0.0.0.0/0"|},
                    });
            """);
        var test = new Verify.Test { TestCode = source }.WithOptions("sophia_infra.public_ports = 80,https");
        test.ExpectedDiagnostics.Add(Open(0, "0.0.0.0/0", "TCP port 22"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConstantsFromAnotherFile_AreFollowed_FieldsFromAnotherFile_AreUnknown()
    {
        var test = new Verify.Test
        {
            TestCode = Program("""
                    new Aws.Vpc.SecurityGroupIngressRule("rdp", new Aws.Vpc.SecurityGroupIngressRuleArgs
                    {
                        SecurityGroupId = sg.Id, IpProtocol = Network.Tcp, FromPort = Network.Rdp, ToPort = Network.Rdp, CidrIpv4 = {|#0:Network.Internet|},
                    });
                    new Aws.Ec2.SecurityGroup("shared", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress = { new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = Network.Everywhere } },
                    });
            """),
        };
        test.TestState.Sources.Add(("/0/Network.cs", """
            static class Network
            {
                public const string Internet = "0.0.0.0/0";
                public const string Tcp = "tcp";
                public const int Rdp = 3389;
                public static readonly string[] Everywhere = { "0.0.0.0/0" };
            }
            """));
        test.ExpectedDiagnostics.Add(Open(0, "0.0.0.0/0", "TCP port 3389"));
        await test.RunAsync();
    }

    [Fact]
    public async Task LookalikeTypes_NoDiagnostic()
    {
        await Verify.VerifyAnalyzerAsync("""
            namespace Lookalike.Aws.Ec2
            {
                public sealed class SecurityGroupIngressArgs
                {
                    public string Protocol { get; set; } = "";
                    public int FromPort { get; set; }
                    public int ToPort { get; set; }
                    public System.Collections.Generic.List<string> CidrBlocks { get; set; } = new();
                }

                public sealed class SecurityGroupArgs { public System.Collections.Generic.List<SecurityGroupIngressArgs> Ingress { get; set; } = new(); }

                public sealed class SecurityGroup { public SecurityGroup(string name, SecurityGroupArgs args) { } }
            }

            static class Program
            {
                static void Main() => new Lookalike.Aws.Ec2.SecurityGroup("ssh", new Lookalike.Aws.Ec2.SecurityGroupArgs
                {
                    Ingress = { new Lookalike.Aws.Ec2.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = { "0.0.0.0/0" } } },
                });
            }
            """);
    }

    [Fact]
    public async Task PulumiNotReferenced_NoDiagnostic()
    {
        await new Verify.Test
        {
            TestCode = """
                namespace Pulumi.Aws.Vpc
                {
                    public sealed class SecurityGroupIngressRuleArgs { public string IpProtocol { get; set; } = ""; public string CidrIpv4 { get; set; } = ""; }
                    public sealed class SecurityGroupIngressRule { public SecurityGroupIngressRule(string name, SecurityGroupIngressRuleArgs args) { } }
                }

                static class Program
                {
                    static void Main() => new Pulumi.Aws.Vpc.SecurityGroupIngressRule("all", new Pulumi.Aws.Vpc.SecurityGroupIngressRuleArgs { IpProtocol = "-1", CidrIpv4 = "0.0.0.0/0" });
                }
                """,
        }.WithoutPulumi().RunAsync();
    }

    [Fact]
    public async Task IncompleteCode_NoCrash()
    {
        await Verify.VerifyAnalyzerAsync(Program("""
                    new Aws.Ec2.SecurityGroup("broken", new Aws.Ec2.SecurityGroupArgs
                    {
                        Ingress = { new Aws.Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = {|CS0103:missing|}, ToPort = 22, CidrBlocks = { "0.0.0.0/0" } }, {|CS0103:unknownRule|} },
                    });
                    new Aws.Ec2.SecurityGroupRule("broken-rule", {|CS1503:"not args"|});
                    new Aws.Vpc.SecurityGroupIngressRule("r", new Aws.Vpc.SecurityGroupIngressRuleArgs { IpProtocol = "tcp", FromPort = 22, ToPort = 22, CidrIpv4 = {|CS0103:nothing|} });
                    foreach (var p in {|CS0103:undefined|})
                    {
                        new Aws.Vpc.SecurityGroupIngressRule("x", new Aws.Vpc.SecurityGroupIngressRuleArgs { IpProtocol = "tcp", FromPort = p, ToPort = p, CidrIpv4 = "0.0.0.0/0" });
                    }
            """));
    }
}
