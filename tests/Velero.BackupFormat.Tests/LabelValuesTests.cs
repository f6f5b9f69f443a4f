using Velero.BackupFormat.Layout;

namespace Velero.BackupFormat.Tests;

public sealed class LabelValuesTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("a-63-character-name-is-kept-as-it-is-xxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void Short_values_are_unchanged(string value) => Assert.Equal(value, LabelValues.GetValidName(value));

    [Fact]
    public void Long_values_keep_57_characters_and_six_hex_digits_of_their_sha256()
    {
        var value = new string('b', 70);
        var expected = value[..57] + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(value)))[..6];
        var shortened = LabelValues.GetValidName(value);
        Assert.Equal(63, shortened.Length);
        Assert.Equal(expected, shortened);
    }

    [Fact]
    public void Known_value_from_upstream_label_test() =>
        // The GetValidName case of pkg/label/label_test.go.
        Assert.Equal(
            "this_is_a_very_long_label_value_that_will_be_rejected_by_8d0722",
            LabelValues.GetValidName("this_is_a_very_long_label_value_that_will_be_rejected_by_Kubernetes"));
}
