namespace StudentProject;

/// <summary>A tiny masked-word model, pretrained the way the original BERT recipe reads.</summary>
public static class Pretraining
{
    public static double[] Train(int[][] sentences, int vocabulary, int epochs, int seed)
    {
        var rng = new Random(seed);
        var weights = new double[vocabulary * vocabulary];

        // Mistake (GW5001): the masked position of each sentence is drawn once, before the epochs,
        // and every epoch asks about the same word again; RoBERTa draws new masks each time.
        var masked = sentences.Select(s => rng.Next(s.Length)).ToArray();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var i = 0; i < sentences.Length; i++)
            {
                var sentence = sentences[i];
                var p = masked[i];
                var neighbour = sentence[p == 0 ? 1 : p - 1];

                // One gradient step of a bigram score toward the masked word, given its neighbour.
                weights[(neighbour * vocabulary) + sentence[p]] -= 0.1 * (weights[(neighbour * vocabulary) + sentence[p]] - 1);
            }
        }

        return weights;
    }
}
