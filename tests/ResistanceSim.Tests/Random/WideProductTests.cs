using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

public class WideProductTests
{
    [Theory]
    [InlineData(0UL, 0UL, 0UL)]
    [InlineData(ulong.MaxValue, 1UL, 0UL)]
    [InlineData(ulong.MaxValue, 2UL, 1UL)]
    [InlineData(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue - 1)]
    [InlineData(1UL << 32, 1UL << 32, 1UL)]
    [InlineData(1UL << 63, 3UL, 1UL)]
    public void High_is_the_top_64_bits_of_the_128_bit_product(ulong a, ulong b, ulong high) =>
        Assert.Equal(high, WideProduct.High(a, b));

    [Fact]
    public void High_agrees_with_Math_BigMul_on_random_operands()
    {
        var rng = new Xoshiro256StarStar(16);
        for (int k = 0; k < 10_000; k++)
        {
            ulong a = rng.NextUInt64(), b = rng.NextUInt64() >> (k % 64);
            Assert.Equal(Math.BigMul(a, b, out _), WideProduct.High(a, b));
        }
    }
}
