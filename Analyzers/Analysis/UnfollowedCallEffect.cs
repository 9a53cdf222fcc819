using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ShutdownAnalyzers.Infrastructure;

namespace ShutdownAnalyzers.Analysis;

/// <summary>
/// The calls the analysis cannot see into although they might do something to a device: a rule that
/// reports the <em>absence</em> of an effect ("Shutdown stops no DMA") asks for this first, and stays
/// silent when the path reaches one, because the missing effect may hide behind it.
/// </summary>
/// <remarks>
/// Such a call is
/// <list type="bullet">
/// <item>a delegate invocation (what it runs is decided at run time);</item>
/// <item>an interface call, or a virtual or abstract call on an object other than <c>this</c> to a method
/// that can be overridden and was first declared where a device can be reached (the analysis follows
/// only the method the compiler bound);</item>
/// <item>a call to a method without source in the compilation, outside the bus API, whose assembly
/// references the bus API (a driver library shipped as a binary) or which takes a delegate
/// (<c>List&lt;T&gt;.ForEach(d =&gt; d.ClearMaster())</c> runs code the analysis does not walk).</item>
/// </list>
/// The bus API's own members are never unfollowed: what they do to hardware is in their attributes.
/// Other library methods (<c>Console.WriteLine</c>, <c>Thread.Sleep</c>) cannot reach a device.
/// </remarks>
internal sealed class UnfollowedCallEffect : Effect
{
    private readonly DriverModelSymbols symbols;

    public UnfollowedCallEffect(DriverModelSymbols symbols) => this.symbols = symbols;

    public override string Name => "a call the analysis cannot follow";

    public override EffectMatch Match(IMethodSymbol method, ImmutableArray<AbstractValue> arguments) => EffectMatch.None;

    public override EffectMatch MatchCall(ReachableCall call, IMethodSymbol target, bool targetHasBody)
    {
        if (target.MethodKind == MethodKind.DelegateInvoke || IsUnresolvedDispatch(call, target))
        {
            return EffectMatch.Unconditional();
        }

        if (symbols.IsBusApi(target) || targetHasBody || IsPartialWithoutImplementation(target))
        {
            return EffectMatch.None;
        }

        return ReferencesBusApi(target.ContainingAssembly) || target.Parameters.Any(parameter => parameter.Type.TypeKind == TypeKind.Delegate)
            ? EffectMatch.Unconditional()
            : EffectMatch.None;
    }

    /// <summary>
    /// A dispatch whose runtime target may be an override the analysis never sees: an interface method,
    /// or an overridable method first declared where a device can be reached (not <c>object.ToString</c>,
    /// even when a device type overrides it).
    /// </summary>
    private bool IsUnresolvedDispatch(ReachableCall call, IMethodSymbol target) =>
        call.IsVirtual &&
        call.Receiver != CallReceiver.This &&
        (target.IsVirtual || target.IsAbstract || target.IsOverride) &&
        !target.IsSealed &&
        target.ContainingType is { IsSealed: false } containingType &&
        (containingType.TypeKind == TypeKind.Interface || ReferencesBusApi(CallsMethodEffect.RootDefinition(target).ContainingAssembly));

    /// <summary>A call to a partial method nobody implemented: the compiler drops it.</summary>
    private static bool IsPartialWithoutImplementation(IMethodSymbol target) =>
        target.PartialImplementationPart is null && target.IsPartialDefinition;

    private bool ReferencesBusApi(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        var busApi = symbols.Driver.ContainingAssembly;
        return SymbolEqualityComparer.Default.Equals(assembly, busApi) ||
               assembly.Modules.Any(module => module.ReferencedAssemblySymbols.Contains(busApi, SymbolEqualityComparer.Default));
    }
}
