using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using ShutdownAnalyzers.Analysis;
using ShutdownAnalyzers.Infrastructure;
using ShutdownAnalyzers.Tests.Verifiers;

namespace ShutdownAnalyzers.Tests.Analysis;

/// <summary>
/// Where a device value in a callback comes from: each <c>Use(x)</c> in the driver's Suspend is resolved
/// with the callback's device as the driver's own.
/// </summary>
public class DeviceOriginResolverTests
{
    [Fact]
    public void The_callbacks_device_and_its_ancestors_are_its_own()
    {
        var origins = Resolve("""
            Use(device);
            Use(device.Parent);
            Use((PciDevice)device.Parent!.Parent!);
            var copy = device;
            Use(copy);
            void Local() => Use(device);
            Local();
            """);

        Assert.All(origins, origin => Assert.Equal(DeviceOriginKind.Own, origin.Kind));
        Assert.Equal(5, origins.Count);
    }

    [Fact]
    public void Locals_assigned_different_devices_are_unknown()
    {
        var origins = Resolve("""
            Device either = device;
            if (device.IsEnabled)
            {
                either = other!;
            }

            Use(either);
            Device? maybe = null;
            maybe = device;
            Use(maybe);
            """);

        Assert.Equal(new[] { DeviceOriginKind.Unknown, DeviceOriginKind.Own }, origins.Select(o => o.Kind));
    }

    [Fact]
    public void Members_DriverData_and_lookups()
    {
        var origins = Resolve("""
            Use(other);
            Use(Shared);
            Use((PlatformDevice)device.DriverData!);
            Use((PlatformDevice)other!.DriverData!);
            Use(Find(device.Kernel));
            Use(Find(device.Kernel));
            Use(device.Kernel.Devices[0]);
            foreach (var each in device.Kernel.Devices)
            {
                Use(each);
            }

            if (device.DriverData is PlatformDevice kept)
            {
                Use(kept);
            }
            """);

        Assert.Equal(
            new[]
            {
                DeviceOriginKind.Member, DeviceOriginKind.Member, DeviceOriginKind.DriverData, DeviceOriginKind.Unknown,
                DeviceOriginKind.Lookup, DeviceOriginKind.Lookup, DeviceOriginKind.Lookup, DeviceOriginKind.Lookup, DeviceOriginKind.DriverData,
            },
            origins.Select(o => o.Kind));
        Assert.Equal("other", origins[0].Symbol!.Name);
        Assert.Equal("Shared", origins[1].Symbol!.Name);

        // Two calls of one helper find the device the same way; an index into the list is another lookup.
        Assert.Equal(origins[4], origins[5]);
        Assert.NotEqual(origins[4], origins[6]);
    }

    [Fact]
    public void The_device_a_call_receiver_belongs_to()
    {
        var (resolver, frame) = Frame("""
            device.WriteCache?.Flush(System.TimeSpan.FromSeconds(1));
            var cache = other!.WriteCache;
            cache!.Flush(System.TimeSpan.FromSeconds(1));
            """);

        var flushes = frame.Operations().OfType<IInvocationOperation>().Where(call => call.TargetMethod.Name == "Flush").OrderBy(call => call.Syntax.SpanStart).ToList();

        Assert.Equal(DeviceOriginKind.Own, resolver.DeviceOf(flushes[0].Instance!, frame).Kind);
        Assert.Equal(DeviceOriginKind.Member, resolver.DeviceOf(flushes[1].Instance!, frame).Kind);
    }

    private static List<DeviceOrigin> Resolve(string suspendBody)
    {
        var (resolver, frame) = Frame(suspendBody);
        return Uses(resolver, frame).ToList();
    }

    /// <summary>Each <c>Use(x)</c> of the frame and of the local functions it calls, in source order.</summary>
    private static IEnumerable<DeviceOrigin> Uses(DeviceOriginResolver resolver, MethodFrame frame)
    {
        foreach (var call in frame.Operations().OfType<IInvocationOperation>().OrderBy(call => call.Syntax.SpanStart))
        {
            if (call.TargetMethod.Name == "Use")
            {
                yield return resolver.Resolve(call.Arguments[0].Value, frame);
            }
            else if (call.TargetMethod.MethodKind == MethodKind.LocalFunction && resolver.CalleeFrame(call, frame) is { } local)
            {
                foreach (var origin in Uses(resolver, local))
                {
                    yield return origin;
                }
            }
        }
    }

    private static (DeviceOriginResolver Resolver, MethodFrame Frame) Frame(string suspendBody)
    {
        var source = $$"""
            using System.Linq;
            using ShutdownAnalyzers.DriverModel;

            public sealed class ChannelDriver : PciDriver
            {
                private PlatformDevice? other;

                private static PlatformDevice? Shared { get; set; }

                public override string Name => "channel";

                public override void Probe(PciDevice device) { }

                public override void Suspend(PciDevice device)
                {
            {{suspendBody}}
                }

                private static void Use(Device? device) { }

                private static PlatformDevice Find(Kernel kernel) => kernel.Devices.OfType<PlatformDevice>().First();
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Origins",
            new[] { CSharpSyntaxTree.ParseText(source) },
            ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.True(DriverModelSymbols.TryCreate(compilation, out var symbols));
        var analysis = RestartPathAnalysis.Create(symbols)!;
        var driver = compilation.GetTypeByMetadataName("ChannelDriver")!;
        var suspend = driver.GetMembers("Suspend").OfType<IMethodSymbol>().Single();
        var resolver = new DeviceOriginResolver(symbols, analysis, CancellationToken.None);
        return (resolver, resolver.EntryFrame(suspend, driver)!);
    }
}
