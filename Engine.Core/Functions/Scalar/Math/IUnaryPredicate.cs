namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>A test of one value (isnan, isinf), specialized like <see cref="IUnaryOperation{TIn, TOut}"/>.</summary>
internal interface IUnaryPredicate<TIn>
    where TIn : unmanaged
{
    /// <summary>Whether <paramref name="value"/> passes.</summary>
    static abstract bool Test(TIn value);
}
