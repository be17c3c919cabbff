using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Tests.Support;

namespace Engine.Tests.Functions.Time;

/// <summary>Evaluates one expression with SELECT and no FROM, for the time function tests.</summary>
internal static class TimeSql
{
    /// <summary>The type and value of <c>SELECT expression</c>.</summary>
    public static async Task<(DataType Type, ScalarValue Value)> EvaluateAsync(string expression)
    {
        var result = await TestEngines.Local(new InMemoryCatalog()).QueryAsync($"SELECT {expression}");
        return (result.Schema[0].Type, result.GetValue(0, 0));
    }

    /// <summary>The value of <c>SELECT expression</c> as text (timestamps ISO-8601, NULL as "NULL").</summary>
    public static async Task<string> TextAsync(string expression) => (await EvaluateAsync(expression)).Value.ToString();

    /// <summary>The BIGINT value of <c>SELECT expression</c>.</summary>
    public static async Task<long> Int64Async(string expression) => (await EvaluateAsync(expression)).Value.Int64Value;

    /// <summary>Runs <c>SELECT expression</c> and returns the task, to assert that it throws.</summary>
    public static Task RunAsync(string expression) => TestEngines.Local(new InMemoryCatalog()).QueryAsync($"SELECT {expression}");
}
