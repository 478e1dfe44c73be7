using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Sophia.Infra.Analyzers.Tests.PulumiFiles
{
    /// <summary>An AdditionalText over a string; can also simulate a host that cannot read the file.</summary>
    internal sealed class TestAdditionalText : AdditionalText
    {
        private readonly string? _text;
        private readonly bool _throws;

        public TestAdditionalText(string path, string? text, bool throws = false)
        {
            Path = path;
            _text = text;
            _throws = throws;
        }

        public override string Path { get; }

        public int ReadCount;

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref ReadCount);
            if (_throws)
            {
                throw new InvalidOperationException("simulated read failure");
            }

            return _text is null ? null : SourceText.From(_text);
        }
    }
}
