using Fkj.Cdr.Terminology.Rf2;

namespace Fkj.Cdr.Terminology.Tests.Rf2;

public class SctidTests
{
    [Theory]
    [InlineData(138875005, 0)] // SNOMED CT Concept
    [InlineData(195967001, 0)] // Asthma
    [InlineData(386661006, 0)] // Fever
    [InlineData(404684003, 0)]
    [InlineData(900000000000508004, 0)]
    [InlineData(900000000000074008, 0)]
    [InlineData(61000202103, 10)] // Norwegian extension, namespace 1000202
    [InlineData(179085010, 1)] // a description
    [InlineData(1019522024, 2)] // a relationship
    public void Published_identifiers_are_valid_with_their_partition(long id, int partition)
    {
        Assert.True(Sctid.IsValid(id));
        Assert.Equal(partition, Sctid.Partition(id));
    }

    [Fact]
    public void Any_single_digit_change_or_adjacent_swap_is_caught()
    {
        const string id = "138875005";
        for (var i = 0; i < id.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d != id[i] && !(i == 0 && d == '0'))
                {
                    Assert.False(Sctid.HasValidCheckDigit(long.Parse(id[..i] + d + id[(i + 1)..])), id[..i] + d + id[(i + 1)..]);
                }
            }

            if (i + 1 < id.Length && id[i] != id[i + 1])
            {
                var swapped = id[..i] + id[i + 1] + id[i] + id[(i + 2)..];
                Assert.False(Sctid.HasValidCheckDigit(long.Parse(swapped)), swapped);
            }
        }
    }

    [Fact]
    public void Created_identifiers_carry_item_namespace_partition_and_check_digit()
    {
        Assert.Equal(138875005, Sctid.Create(138875, Sctid.ConceptPartition));
        Assert.Equal(61000202103, Sctid.Create(6, 1000202, Sctid.ConceptPartition));
        var description = Sctid.Create(42, 1000202, Sctid.DescriptionPartition);
        Assert.Equal("42100020211", description.ToString()[..^1]);
        Assert.True(Sctid.IsValid(description, Sctid.DescriptionPartition));
        Assert.False(Sctid.IsValid(description, Sctid.ConceptPartition));
    }

    [Theory]
    [InlineData(138875006)] // wrong check digit
    [InlineData(12345)] // too short
    [InlineData(1234567034)] // partition 03
    public void Malformed_identifiers_are_refused(long id) => Assert.False(Sctid.IsValid(id));
}
