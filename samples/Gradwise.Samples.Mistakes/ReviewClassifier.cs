using Microsoft.ML;
using Microsoft.ML.Data;

namespace StudentProject;

/// <summary>A movie-review sentiment classifier, the way the ML.NET tutorials start one.</summary>
public static class ReviewClassifier
{
    public sealed class Review
    {
        public string Text { get; set; } = string.Empty;

        public bool Positive { get; set; }
    }

    // Mistake (GW2002): a gradient-boosted tree ensemble on text features. FeaturizeText makes
    // tens of thousands of sparse n-gram columns; a tree can spend a split on a word that occurs
    // in a handful of reviews, and the penalty on leaves does not stop it.
    public static ITransformer TrainTrees(MLContext ml, IDataView reviews) =>
        ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text))
            .Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(Review.Positive)))
            .Fit(reviews);

    // Mistake (GW2001): the same sparse features into a logistic regression with both penalties
    // switched off; one weight can grow without bound to fit a few reviews.
    public static ITransformer TrainLinear(MLContext ml, IDataView reviews) =>
        ml.Transforms.Text.FeaturizeText("Features", nameof(Review.Text))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
                labelColumnName: nameof(Review.Positive),
                l1Regularization: 0,
                l2Regularization: 0))
            .Fit(reviews);
}
