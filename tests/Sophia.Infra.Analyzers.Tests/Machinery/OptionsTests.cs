using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using Sophia.Infra.Analyzers.Options;
using Xunit;

namespace Sophia.Infra.Analyzers.Tests.Machinery;

public sealed class OptionsTests
{
    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(params (string Key, string Value)[] values) =>
            _values = values.ToDictionary(v => v.Key, v => v.Value, KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }

    [Fact]
    public void Defaults_WhenNothingIsSet()
    {
        var reader = new OptionReader(new DictionaryOptions(), "SIA2001");
        Assert.Equal(new[] { "prod" }, reader.Get(SophiaOptions.ProductionStacks));
        Assert.Equal(new[] { "dev", "staging", "prod" }, reader.Get(SophiaOptions.Environments));
        Assert.Equal(new[] { 80, 443 }, reader.Get(SophiaOptions.PublicPorts));
        Assert.False(reader.Get(SophiaOptions.S3RequireKms));
        Assert.Equal(30, reader.Get(SophiaOptions.LogsRetentionDays));
        Assert.Null(reader.Get(SophiaOptions.Project));
    }

    [Fact]
    public void ValidValues_AreParsed_AndKeysAreCaseInsensitive()
    {
        var reader = new OptionReader(
            new DictionaryOptions(
                ("SOPHIA_INFRA.Production_Stacks", " prod , prod-eu "),
                ("sophia_infra.public_ports", "443"),
                ("sophia_infra.s3.require_kms", "TRUE"),
                ("sophia_infra.logs.retention_days", "90"),
                ("sophia_infra.resource_type.Pulumi.Aws.Ec2.Instance", "server")),
            "SIA2001");
        Assert.Equal(new[] { "prod", "prod-eu" }, reader.Get(SophiaOptions.ProductionStacks));
        Assert.Equal(new[] { 443 }, reader.Get(SophiaOptions.PublicPorts));
        Assert.True(reader.Get(SophiaOptions.S3RequireKms));
        Assert.Equal(90, reader.Get(SophiaOptions.LogsRetentionDays));
        Assert.Equal("server", reader.GetResourceTypeToken("Pulumi.Aws.Ec2.Instance"));
    }

    [Fact]
    public void PerRuleKey_WinsOverTheGeneralKey()
    {
        var options = new DictionaryOptions(("sophia_infra.production_stacks", "prod"), ("sophia_infra.sia2001.production_stacks", "live"));
        Assert.Equal(new[] { "live" }, new OptionReader(options, "SIA2001").Get(SophiaOptions.ProductionStacks));
        Assert.Equal(new[] { "prod" }, new OptionReader(options, "SIA1002").Get(SophiaOptions.ProductionStacks));
    }

    [Theory]
    [InlineData("production_stacks", "Prod")]
    [InlineData("production_stacks", "prod,,dev")]
    [InlineData("public_ports", "80,https")]
    [InlineData("public_ports", "70000")]
    [InlineData("s3.require_kms", "yes")]
    [InlineData("logs.retention_days", "31")]
    [InlineData("project", "Sophia Infra")]
    public void InvalidValues_GiveTheDefault(string name, string value)
    {
        var reader = new OptionReader(new DictionaryOptions(("sophia_infra." + name, value)), null);
        Assert.Equal(new[] { "prod" }, reader.Get(SophiaOptions.ProductionStacks));
        Assert.Equal(new[] { 80, 443 }, reader.Get(SophiaOptions.PublicPorts));
        Assert.False(reader.Get(SophiaOptions.S3RequireKms));
        Assert.Equal(30, reader.Get(SophiaOptions.LogsRetentionDays));
        Assert.Null(reader.Get(SophiaOptions.Project));
    }
}
