using System.Globalization;
using Xunit;

namespace Gradwise.Analyzers.Tests.Rules;

/// <summary>
/// The numbers on the GW2001 and GW2002 pages, computed here: 10,000 rows, 100 sparse binary features (each on in 5% of
/// rows, independent of the label), and a feature f1 that is on in exactly the 10 positive rows, by chance. Logistic
/// regression by full-batch gradient descent (step 10 on the mean log-loss, bias unpenalized) with and without an L2
/// penalty, and the Gini gain of a one-split tree on each feature.
/// </summary>
public sealed class SparseFeaturesTeachingTests
{
    private const int Rows = 10_000, Features = 100, Positives = 10;

    private static (int[][] Active, double[] Label) Data()
    {
        var random = new Random(7);
        var active = new int[Rows][];
        var label = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var on = new List<int>();
            if (i < Positives)
            {
                label[i] = 1;
                on.Add(0);
            }

            for (var j = 1; j < Features; j++)
            {
                if (random.NextDouble() < 0.05)
                {
                    on.Add(j);
                }
            }

            active[i] = on.ToArray();
        }

        return (active, label);
    }

    /// <summary>(λ, epoch, w1, ∂(mean log-loss)/∂w1, P(y = 1) for a row whose only active feature is f1).</summary>
    private static IEnumerable<(double Lambda, int Epoch, double W1, double Gradient, double OnlyF1)> Training()
    {
        var (active, label) = Data();
        foreach (var lambda in new[] { 0.0, 1e-3 })
        {
            var w = new double[Features];
            var g = new double[Features];
            double b = 0;
            for (var epoch = 1; epoch <= 3000; epoch++)
            {
                Array.Clear(g);
                double gb = 0;
                for (var i = 0; i < Rows; i++)
                {
                    var z = b;
                    foreach (var j in active[i])
                    {
                        z += w[j];
                    }

                    var residual = (1 / (1 + Math.Exp(-z))) - label[i];
                    gb += residual;
                    foreach (var j in active[i])
                    {
                        g[j] += residual;
                    }
                }

                b -= 10 * gb / Rows;
                for (var j = 0; j < Features; j++)
                {
                    w[j] -= 10 * ((g[j] / Rows) + (lambda * w[j]));
                }

                if (epoch is 300 or 1000 or 3000)
                {
                    yield return (lambda, epoch, w[0], g[0] / Rows, 1 / (1 + Math.Exp(-(w[0] + b))));
                }
            }
        }
    }

    private static string Page(string id) => File.ReadAllText(Path.Combine(Gradwise.Analyzers.Tests.Catalog.CatalogTests.Root, "docs", "rules", id + ".md"));

    [Fact]
    public void GW2001_page_quotes_the_weight_of_the_chance_feature_with_and_without_a_penalty()
    {
        var page = Page("GW2001");
        var rows = Training().ToList();
        foreach (var row in rows)
        {
            var line = string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N0} | {2:F2} | {3:E1} | {4:F3} |", row.Lambda, row.Epoch, row.W1, row.Gradient, row.OnlyF1);
            Assert.Contains(line, page);
        }

        // The claims the table stands for: without a penalty w1 keeps growing and its gradient never reaches 0;
        // with one it settles where λ·w1 balances the gradient of the loss.
        var free = rows.Where(r => r.Lambda == 0).ToList();
        Assert.True(free[0].W1 < free[1].W1 && free[1].W1 < free[2].W1);
        Assert.All(free, r => Assert.True(r.Gradient < 0));
        var penalized = rows.Where(r => r.Lambda > 0).ToList();
        Assert.Equal(penalized[1].W1, penalized[2].W1, 3);
        Assert.Equal(-penalized[2].Gradient, penalized[2].Lambda * penalized[2].W1, 6);
    }

    [Fact]
    public void GW2002_page_quotes_the_gain_of_the_split_on_the_chance_feature()
    {
        var (active, label) = Data();
        static double Gini(double positive, double total) => total == 0 ? 0 : 2 * (positive / total) * (1 - (positive / total));
        var parent = Gini(Positives, Rows);
        double f1 = 0, bestOther = 0;
        for (var j = 0; j < Features; j++)
        {
            double onPositive = 0, onTotal = 0;
            for (var i = 0; i < Rows; i++)
            {
                if (Array.IndexOf(active[i], j) >= 0)
                {
                    onTotal++;
                    onPositive += label[i];
                }
            }

            var gain = parent - (onTotal / Rows * Gini(onPositive, onTotal)) - ((Rows - onTotal) / Rows * Gini(Positives - onPositive, Rows - onTotal));
            if (j == 0)
            {
                f1 = gain;
            }
            else
            {
                bestOther = Math.Max(bestOther, gain);
            }
        }

        Assert.Equal(parent, f1, 12); // the split on f1 leaves both sides pure
        var page = Page("GW2002");
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "Gini impurity of the root is {0:E2}", parent), page);
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, "the best split on any other feature gains {0:E2}, {1:N0} times less", bestOther, Math.Floor(f1 / bestOther)), page);
    }
}
