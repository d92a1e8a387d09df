namespace Gradwise.Analyzers.Tests.Generator;

/// <summary>One loss over spans: its name, how many numbers its differentiable parameters hold, and how to draw them.</summary>
/// <param name="Name">The method in <see cref="LoopFunctions.Source"/>; wrappers <c>Name_Value</c> and <c>Name_Gradient</c> call it with packed parameters.</param>
/// <param name="Size">How many numbers the differentiable parameters hold in all (the length of theta).</param>
/// <param name="Scale">Parameters are drawn from [-Scale, Scale].</param>
/// <param name="HasSplit">False for a method that gets no split halves (one with a double[][] parameter), so it has no <c>Name_Split</c> wrapper.</param>
public sealed record LoopCase(string Name, int Size, double Scale, bool HasSplit = true);

/// <summary>
/// The losses a machine-learning course trains, written over spans the way a person writes them
/// by hand. Each has two wrappers over arrays (spans cannot be passed by reflection): <c>Name_Value(theta, seed)</c>
/// calls the method, <c>Name_Gradient(theta, seed, gradient)</c> calls the generated one; both draw
/// the method's data from <c>seed</c>, so a test varies the data without knowing its layout.
/// <c>Name_Split(theta, seed, gradient, scale)</c> runs the split halves a generated caller uses, adding scale × the gradient.
/// </summary>
public static class LoopFunctions
{
    public static readonly LoopCase[] All =
    {
        new("LogisticL2", 6, 1.0),
        new("SparseLogistic", 12, 1.0),
        new("SoftmaxCrossEntropy", 4 * 3 + 3, 1.0),
        new("Distillation", 5, 2.0),
        new("Mlp", (4 * 3) + 4 + 4 + 1, 1.0),
        new("GaussianMixture", 3 + (3 * 2) + (3 * 2), 0.8),
        new("Reductions", 5, 1.5),
        new("Controlled", 6, 1.5),
        new("Iterative", 3, 1.5),
        new("Composed", 6, 1.0),
        new("Shifted", 9 + 6, 1.0),
        new("AdbenchGmm", 3 + (3 * 3) + (3 * 6), 0.6),
        new("Recurrence", 4, 1.5),
        new("Bucketed", 7, 1.5),
        new("Counted", 8, 1.5),
        new("Stepped", 9, 1.5),
        new("Countdown", 6, 1.5),
        new("Compacted", 8, 1.5),
        new("Shifts", 6, 1.5),
        new("JaggedNetwork", (3 * 2) + 3 + 3 + 1, 1.0, HasSplit: false),
        new("Ragged", 1 + 2 + 3, 1.0, HasSplit: false),
        new("MatrixSoftmax", (3 * 2) + 3, 1.0, HasSplit: false),
    };

    public const string Source = """
        using System;
        using Gradwise;

        namespace Specs;

        public static partial class L
        {
            [Differentiable]
            public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));

            [Differentiable]
            public static double LogLoss([NoGradient] double y, double z) =>
                -(y * Math.Log(Sigmoid(z)) + (1 - y) * Math.Log(1 - Sigmoid(z)));

            [Differentiable]
            public static double Dot(ReadOnlySpan<double> a, [NoGradient] ReadOnlySpan<double> b)
            {
                double s = 0;
                for (int j = 0; j < a.Length; j++)
                {
                    s += a[j] * b[j];
                }

                return s;
            }

            [Differentiable]
            public static double Scaled(ReadOnlySpan<double> a, double scale)
            {
                double s = 0;
                foreach (double v in a)
                {
                    s += Math.Tanh(scale * v);
                }

                return s;
            }

            /// <summary>Calls that take spans: a dot product per row through another [Differentiable] method, and one with a double argument.</summary>
            [Differentiable]
            public static double Composed(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
            {
                int d = w.Length;
                int n = y.Length;
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    double z = Dot(w, x.Slice(i * d, d)) + b;
                    loss += LogLoss(y[i], z);
                }

                return loss / n + 0.1 * Scaled(w, b * b);
            }

            /// <summary>Dense logistic regression over a row-major batch, with an L2 penalty.</summary>
            [Differentiable]
            public static double LogisticL2(ReadOnlySpan<double> w, double b, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y, [NoGradient] double lambda)
            {
                int d = w.Length;
                int n = y.Length;
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    double z = b;
                    for (int j = 0; j < d; j++)
                    {
                        z += w[j] * x[i * d + j];
                    }

                    double p = 1.0 / (1.0 + Math.Exp(-z));
                    loss -= y[i] * Math.Log(p) + (1 - y[i]) * Math.Log(1 - p);
                }

                double penalty = 0;
                for (int j = 0; j < d; j++)
                {
                    penalty += w[j] * w[j];
                }

                return loss / n + 0.5 * lambda * penalty;
            }

            /// <summary>Sparse logistic regression over CSR rows (indices, values, offsets), with L1 and L2.</summary>
            [Differentiable]
            public static double SparseLogistic(ReadOnlySpan<double> w, ReadOnlySpan<int> indices, [NoGradient] ReadOnlySpan<double> values, ReadOnlySpan<int> offsets, [NoGradient] ReadOnlySpan<double> labels, [NoGradient] double l1, [NoGradient] double l2)
            {
                int n = labels.Length;
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    double z = 0;
                    for (int p = offsets[i]; p < offsets[i + 1]; p++)
                    {
                        z += w[indices[p]] * values[p];
                    }

                    loss += LogLoss(labels[i], z);
                }

                double penalty = 0;
                foreach (double wj in w)
                {
                    penalty += l1 * Math.Abs(wj) + 0.5 * l2 * wj * wj;
                }

                return loss / n + penalty;
            }

            /// <summary>Softmax cross-entropy of a linear model, with the max shift; scores in a stack buffer.</summary>
            [Differentiable]
            public static double SoftmaxCrossEntropy(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, [NoGradient] ReadOnlySpan<double> x, ReadOnlySpan<int> labels)
            {
                int k = bias.Length;
                int n = labels.Length;
                int d = weights.Length / k;
                Span<double> s = stackalloc double[k];
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        double t = bias[c];
                        for (int j = 0; j < d; j++)
                        {
                            t += weights[c * d + j] * x[i * d + j];
                        }

                        s[c] = t;
                    }

                    double m = s[0];
                    for (int c = 1; c < k; c++)
                    {
                        m = Math.Max(m, s[c]);
                    }

                    double sum = 0;
                    for (int c = 0; c < k; c++)
                    {
                        sum += Math.Exp(s[c] - m);
                    }

                    loss += Math.Log(sum) + m - s[labels[i]];
                }

                return loss / n;
            }

            /// <summary>Knowledge distillation: T² · KL(softmax(teacher/T) ‖ softmax(student/T)), both with the max shift.</summary>
            [Differentiable]
            public static double Distillation(ReadOnlySpan<double> student, [NoGradient] ReadOnlySpan<double> teacher, [NoGradient] double temperature)
            {
                int k = student.Length;
                double ms = student[0] / temperature;
                double mt = teacher[0] / temperature;
                for (int c = 1; c < k; c++)
                {
                    ms = Math.Max(ms, student[c] / temperature);
                    mt = Math.Max(mt, teacher[c] / temperature);
                }

                double zs = 0;
                double zt = 0;
                for (int c = 0; c < k; c++)
                {
                    zs += Math.Exp(student[c] / temperature - ms);
                    zt += Math.Exp(teacher[c] / temperature - mt);
                }

                double kl = 0;
                for (int c = 0; c < k; c++)
                {
                    double logQ = teacher[c] / temperature - mt - Math.Log(zt);
                    double logP = student[c] / temperature - ms - Math.Log(zs);
                    kl += Math.Exp(logQ) * (logQ - logP);
                }

                return temperature * temperature * kl;
            }

            /// <summary>One hidden tanh layer and a logistic output; weights as flat spans, hidden values in an array.</summary>
            [Differentiable]
            public static double Mlp(ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, ReadOnlySpan<double> w2, double b2, [NoGradient] ReadOnlySpan<double> x, [NoGradient] ReadOnlySpan<double> y)
            {
                int h = b1.Length;
                int d = w1.Length / h;
                int n = y.Length;
                double[] hidden = new double[h];
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    ReadOnlySpan<double> row = x.Slice(i * d, d);
                    for (int k = 0; k < h; k++)
                    {
                        double a = b1[k];
                        for (int j = 0; j < d; j++)
                        {
                            a += w1[k * d + j] * row[j];
                        }

                        hidden[k] = Math.Tanh(a);
                    }

                    double z = b2;
                    for (int k = 0; k < h; k++)
                    {
                        z += w2[k] * hidden[k];
                    }

                    loss += LogLoss(y[i], z);
                }

                return loss / n;
            }

            /// <summary>Negative log-likelihood of a diagonal Gaussian mixture (ADBench's GMM without the Wishart prior and full covariances).</summary>
            [Differentiable]
            public static double GaussianMixture(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> logSigmas, [NoGradient] ReadOnlySpan<double> x)
            {
                int k = alphas.Length;
                int d = means.Length / k;
                int n = x.Length / d;
                double am = alphas[0];
                for (int c = 1; c < k; c++)
                {
                    am = Math.Max(am, alphas[c]);
                }

                double asum = 0;
                for (int c = 0; c < k; c++)
                {
                    asum += Math.Exp(alphas[c] - am);
                }

                double logWeights = am + Math.Log(asum);
                Span<double> lp = stackalloc double[k];
                double total = 0;
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        double q = 0;
                        double logDet = 0;
                        for (int j = 0; j < d; j++)
                        {
                            double r = (x[i * d + j] - means[c * d + j]) * Math.Exp(-logSigmas[c * d + j]);
                            q += r * r;
                            logDet += logSigmas[c * d + j];
                        }

                        lp[c] = alphas[c] - logDet - 0.5 * q;
                    }

                    double m = lp[0];
                    for (int c = 1; c < k; c++)
                    {
                        m = Math.Max(m, lp[c]);
                    }

                    double s = 0;
                    for (int c = 0; c < k; c++)
                    {
                        s += Math.Exp(lp[c] - m);
                    }

                    total += m + Math.Log(s);
                }

                return -(total - n * logWeights) + 0.5 * n * d * Math.Log(2 * Math.PI);
            }

            /// <summary>Reductions and products over one span: sum, product (t *= x), mean of squares, max.</summary>
            [Differentiable]
            public static double Reductions(ReadOnlySpan<double> v)
            {
                double sum = 0;
                double product = 1;
                double top = v[0];
                for (int j = 0; j < v.Length; j++)
                {
                    sum += v[j];
                    product *= v[j];
                    top = Math.Max(top, v[j]);
                }

                double squares = 0;
                for (int j = v.Length - 1; j >= 0; j--)
                {
                    squares += v[j] * v[j];
                }

                return sum * sum / v.Length + product + Math.Sqrt(squares) + top;
            }

            /// <summary>Branches over statements, break and continue, a nested loop that reads a value the outer one updates.</summary>
            [Differentiable]
            public static double Controlled(double[] v, [NoGradient] double threshold)
            {
                double acc = 0;
                double running = 1;
                for (int i = 0; i < v.Length; i++)
                {
                    if (v[i] * running > threshold)
                    {
                        acc += Math.Sin(v[i]) * running;
                        running *= 0.5 + 0.1 * v[i];
                    }
                    else
                    {
                        acc -= v[i] * v[i];
                        if (acc < -20)
                        {
                            break;
                        }

                        if (i % 2 == 1)
                        {
                            continue;
                        }

                        running += 0.25 * Math.Cos(acc);
                    }

                    for (int j = 0; j < i; j++)
                    {
                        acc += 0.01 * running * v[j];
                    }
                }

                return acc * running;
            }

            /// <summary>While and do loops without a counter: Newton's iteration for a square root, a series summed until its terms are small.</summary>
            [Differentiable]
            public static double Iterative(ReadOnlySpan<double> v)
            {
                double x = v[0] * v[0] + 1;
                double r = x;
                while (Math.Abs(r * r - x) > 1e-13 * x)
                {
                    r = 0.5 * (r + x / r);
                }

                double term = v[1];
                double total = 0;
                do
                {
                    total += term;
                    term *= 0.5 * Math.Tanh(v[2]);
                }
                while (Math.Abs(term) > 1e-3);

                return r + total;
            }
        }

        public static partial class L
        {
            /// <summary>
            /// Rows read from an offset plus the counter: a row-major local array written in one loop
            /// and read in another, a double[] parameter, offsets from an int span and from an int
            /// parameter, an inclusive bound; and reads at a negative offset (lag = -1) that happen
            /// only under a condition, where reading through a window would be wrong.
            /// </summary>
            [Differentiable]
            public static double Shifted(double[] w, ReadOnlySpan<double> v, [NoGradient] ReadOnlySpan<double> x, ReadOnlySpan<int> starts, int lag)
            {
                int m = 3;
                int r = starts.Length;
                double[] h = new double[starts.Length * 3];
                for (int i = 0; i < r; i++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        h[i * m + j] = Math.Tanh(w[j] * x[i * m + j] + v[starts[i] + j]);
                    }
                }

                double s = 0;
                for (int i = 0; i < r; i++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        s += h[i * m + j] * w[m + j];
                        if (j >= 1)
                        {
                            s += 0.5 * w[lag + j] * h[i * m + j];
                        }

                        double t = j > 0 ? v[lag + j] : 0.0;
                        s += t * t * x[i * m + j];
                    }
                }

                for (int j = 0; j <= m - 1; j++)
                {
                    s += 0.25 * w[2 * m + j] * w[2 * m + j];
                }

                return s;
            }
        }

        public static partial class L
        {
            /// <summary>
            /// ADBench's Gaussian mixture objective: K components in D dimensions, each precision
            /// matrix as its Cholesky factor Q (log of the diagonal in icf[0..D), the strict lower
            /// triangle column by column after it), log-sum-exp over components per point, minus
            /// n log-sum-exp of the weights, plus the Wishart prior. The prior's constant (a log-gamma
            /// term that no parameter moves) is left out.
            /// </summary>
            [Differentiable]
            public static double AdbenchGmm(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, [NoGradient] ReadOnlySpan<double> x, [NoGradient] double wishartGamma, [NoGradient] double wishartM)
            {
                int k = alphas.Length;
                int d = means.Length / k;
                int n = x.Length / d;
                int q = d * (d + 1) / 2;
                Span<double> centered = stackalloc double[d];
                Span<double> qx = stackalloc double[d];
                Span<double> main = stackalloc double[k];
                double slse = 0;
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        double sumQs = 0;
                        for (int j = 0; j < d; j++)
                        {
                            centered[j] = x[i * d + j] - means[c * d + j];
                            sumQs += icf[c * q + j];
                        }

                        for (int j = 0; j < d; j++)
                        {
                            qx[j] = Math.Exp(icf[c * q + j]) * centered[j];
                        }

                        for (int j = 0; j < d; j++)
                        {
                            for (int l = j + 1; l < d; l++)
                            {
                                qx[l] += icf[c * q + d + j * (2 * d - j - 1) / 2 + (l - j - 1)] * centered[j];
                            }
                        }

                        double norm = 0;
                        for (int j = 0; j < d; j++)
                        {
                            norm += qx[j] * qx[j];
                        }

                        main[c] = alphas[c] + sumQs - 0.5 * norm;
                    }

                    double m = main[0];
                    for (int c = 1; c < k; c++)
                    {
                        m = Math.Max(m, main[c]);
                    }

                    double sum = 0;
                    for (int c = 0; c < k; c++)
                    {
                        sum += Math.Exp(main[c] - m);
                    }

                    slse += m + Math.Log(sum);
                }

                double am = alphas[0];
                for (int c = 1; c < k; c++)
                {
                    am = Math.Max(am, alphas[c]);
                }

                double asum = 0;
                for (int c = 0; c < k; c++)
                {
                    asum += Math.Exp(alphas[c] - am);
                }

                double prior = 0;
                for (int c = 0; c < k; c++)
                {
                    double frobenius = 0;
                    double sumQs = 0;
                    for (int j = 0; j < d; j++)
                    {
                        frobenius += Math.Exp(2 * icf[c * q + j]);
                        sumQs += icf[c * q + j];
                    }

                    for (int j = d; j < q; j++)
                    {
                        frobenius += icf[c * q + j] * icf[c * q + j];
                    }

                    prior += 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sumQs;
                }

                return -0.5 * n * d * Math.Log(2 * Math.PI) + slse - n * (am + Math.Log(asum)) + prior;
            }
        }

        public static partial class L
        {
            /// <summary>
            /// A recurrence whose partial is a constant multiple of an overwritten value (3.8 t),
            /// kept on the tape without its coefficient; 3.8 · (1 / 3.8) is not exactly 1 in doubles.
            /// </summary>
            [Differentiable]
            public static double Recurrence(ReadOnlySpan<double> v)
            {
                double t = 0;
                double s = 0;
                for (int j = 0; j < v.Length; j++)
                {
                    t = Math.Sin(t + v[j]);
                    s += 1.9 * t * t;
                }

                return s;
            }

            /// <summary>
            /// Int indices of every shape: a truncated product (which must stay one operand of the cast), a view
            /// read at j - 1, Min, a remainder, a double negation, and an int read as a double.
            /// </summary>
            [Differentiable]
            public static double Bucketed(ReadOnlySpan<double> w, [NoGradient] double fraction, int n)
            {
                var tail = w.Slice(1, w.Length - 1);
                int k = (int)(fraction * n);
                double s = 0;
                for (int j = 1; j < tail.Length; j++)
                {
                    s += tail[j - 1] * tail[Math.Min(j + 1, tail.Length - 1)];
                    s += w[(j * 3) % w.Length] * w[-(-k)] * (j - k);
                }

                return s + w[k] * w[k];
            }
        }

        /// <summary>Int locals that change: counters, steps other than one, counting down in a while condition.</summary>
        public static partial class L
        {
            /// <summary>A mean over the rows that pass a test: count++ under a branch, then the count divides.</summary>
            [Differentiable]
            public static double Counted(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x)
            {
                int count = 0;
                int capped = 0;
                double s = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    if (x[i] > 0)
                    {
                        s += Math.Log(1 + Math.Exp(-w[i] * x[i]));
                        count++;
                    }

                    if (capped < 3)
                    {
                        // The test reads the int the branch changes: the reverse sweep keeps the decision.
                        capped += 1;
                        s += 0.1 * capped * w[i] * w[i];
                    }
                }

                return s / Math.Max(count, 1) + count;
            }

            /// <summary>Steps of 2 and 3, up and down, inclusive and exclusive bounds.</summary>
            [Differentiable]
            public static double Stepped(ReadOnlySpan<double> w)
            {
                double s = 0;
                for (int i = 0; i < w.Length - 1; i += 2)
                {
                    s += w[i] * w[i + 1];
                }

                for (int j = w.Length - 1; j >= 0; j -= 3)
                {
                    s += Math.Sin(w[j]) * j;
                }

                for (int k = 1; k <= w.Length - 1; k = k + 4)
                {
                    s += w[k] * w[k] * w[k];
                }

                for (int m = 5; m < 5; m += 2)
                {
                    s += 1000 * w[m];
                }

                // Recurrences: the reverse sweep runs these counters back through the values they took.
                double t = 0;
                for (int i = 1; i < w.Length; i += 2)
                {
                    t = Math.Sin(t + w[i]);
                    s += t * t;
                }

                for (int j = w.Length - 2; j > 0; j -= 3)
                {
                    t = Math.Cos(t) * w[j];
                }

                for (int k = 0; k <= 6; k += 3)
                {
                    t = t * w[k] + 0.5;
                }

                for (int i = 0; i < w.Length; i += 2)
                {
                    if (w[i] > 1.2)
                    {
                        break;
                    }

                    t = 0.9 * t + w[i];
                }

                return s + t;
            }

            /// <summary>Counting down in a while condition (both forms) and a counter advanced in a while body.</summary>
            [Differentiable]
            public static double Countdown(ReadOnlySpan<double> w)
            {
                double s = 0;
                int k = w.Length;
                while (k-- > 0)
                {
                    s += w[k] * w[k] * (k + 1);
                }

                int m = 3;
                while (--m >= 0)
                {
                    s += Math.Tanh(w[m]) * m;
                }

                int i = 0;
                while (i < w.Length)
                {
                    s += Math.Cos(w[i]) * (k + m);
                    i += 2;
                }

                return s + k + m;
            }

            /// <summary>The rows that pass a test packed into a buffer by a moving write position, then read back.</summary>
            [Differentiable]
            public static double Compacted(ReadOnlySpan<double> w, [NoGradient] ReadOnlySpan<double> x)
            {
                Span<double> kept = stackalloc double[8];
                int p = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    if (x[i] > -0.2)
                    {
                        int at = p * 1;
                        kept[at] = w[i] * x[i];
                        p++;
                    }
                }

                double s = 0;
                for (int q = 0; q < p; q++)
                {
                    s += kept[q] * kept[q] + Math.Exp(kept[q]);
                }

                return s;
            }
        }

        /// <summary>Shifts the result does and does not depend on.</summary>
        public static partial class L
        {
            /// <summary>
            /// A log-sum-exp shifted by the mean (the result does not depend on it: no adjoint), a softmax probability
            /// over the same sum (also invariant), and a second shift that is added back only half (the result does
            /// depend on it: it keeps its adjoint).
            /// </summary>
            [Differentiable]
            public static double Shifts(ReadOnlySpan<double> v)
            {
                double mean = 0;
                for (int j = 0; j < v.Length; j++)
                {
                    mean += v[j] / v.Length;
                }

                double sum = 0;
                for (int j = 0; j < v.Length; j++)
                {
                    sum += Math.Exp(v[j] - mean);
                }

                double p0 = Math.Exp(v[0] - mean) / sum;
                double top = v[0];
                for (int j = 1; j < v.Length; j++)
                {
                    top = Math.Max(top, v[j]);
                }

                double other = 0;
                for (int j = 0; j < v.Length; j++)
                {
                    other += Math.Exp(v[j] - top);
                }

                return Math.Log(sum) + mean + 3 * p0 + Math.Log(other) + 0.5 * top;
            }

            /// <summary>A two-layer network the way a course writes it: weight matrices and input rows as double[][], a row taken into a local, an L2 penalty by foreach over each row.</summary>
            [Differentiable]
            public static double JaggedNetwork(double[][] w1, double[] b1, double[] w2, double b2, [NoGradient] double[][] x, [NoGradient] double[] y)
            {
                int h = w1.Length;
                double[] hidden = new double[h];
                double loss = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    double[] row = x[i];
                    for (int k = 0; k < h; k++)
                    {
                        double a = b1[k];
                        for (int j = 0; j < w1[k].Length; j++)
                        {
                            a += w1[k][j] * row[j];
                        }

                        hidden[k] = Math.Tanh(a);
                    }

                    double z = b2;
                    for (int k = 0; k < h; k++)
                    {
                        z += w2[k] * hidden[k];
                    }

                    loss += LogLoss(y[i], z);
                }

                double penalty = 0;
                for (int k = 0; k < h; k++)
                {
                    foreach (double v in w1[k])
                    {
                        penalty += v * v;
                    }
                }

                return loss / x.Length + 0.01 * penalty;
            }

            /// <summary>Softmax regression with the weights as a double[,] (classes × features) and the inputs as a double[,] (rows × features).</summary>
            [Differentiable]
            public static double MatrixSoftmax(double[,] w, double[] b, [NoGradient] double[,] x, int[] labels)
            {
                int k = w.GetLength(0);
                int d = w.GetLength(1);
                int n = x.GetLength(0);
                Span<double> s = stackalloc double[k];
                double loss = 0;
                for (int i = 0; i < n; i++)
                {
                    for (int c = 0; c < k; c++)
                    {
                        double t = b[c];
                        for (int j = 0; j < d; j++)
                        {
                            t += w[c, j] * x[i, j];
                        }

                        s[c] = t;
                    }

                    double m = s[0];
                    for (int c = 1; c < k; c++)
                    {
                        m = Math.Max(m, s[c]);
                    }

                    double sum = 0;
                    for (int c = 0; c < k; c++)
                    {
                        sum += Math.Exp(s[c] - m);
                    }

                    loss += Math.Log(sum) + m - s[labels[i]];
                }

                return loss / n + 0.01 * w[0, 0] * w[k - 1, d - 1];
            }

            /// <summary>Rows of different lengths (1, 2, 3): each row's length read per row, elements at row-relative indices.</summary>
            [Differentiable]
            public static double Ragged(double[][] w)
            {
                double total = 0;
                for (int i = 0; i < w.Length; i++)
                {
                    double s = 0;
                    for (int j = 0; j < w[i].Length; j++)
                    {
                        s += w[i][j] * w[i][j] * (j + 1);
                    }

                    total += Math.Log(1 + s) + (w[i].Length > 1 ? w[i][w[i].Length - 1] * w[i][0] : 0);
                }

                return total;
            }
        }

        /// <summary>Calls over arrays, with data drawn from a seed.</summary>
        public static partial class Calls
        {
            private static double[] Uniform(Random r, int count, double low, double high)
            {
                var a = new double[count];
                for (int i = 0; i < count; i++) a[i] = low + r.NextDouble() * (high - low);
                return a;
            }

            private static double[] Labels(Random r, int count)
            {
                var a = new double[count];
                for (int i = 0; i < count; i++) a[i] = r.Next(2);
                return a;
            }

            // LogisticL2: w (5), b; 7 rows.
            public static double LogisticL2_Value(double[] t, int seed) { var r = new Random(seed); var x = Uniform(r, 35, -1, 1); var y = Labels(r, 7); return L.LogisticL2(t.AsSpan(0, 5), t[5], x, y, 0.3); }
            public static double LogisticL2_Gradient(double[] t, int seed, double[] g) { var r = new Random(seed); var x = Uniform(r, 35, -1, 1); var y = Labels(r, 7); var v = L.LogisticL2WithGradient(t.AsSpan(0, 5), t[5], x, y, 0.3, g.AsSpan(0, 5), out var db); g[5] = db; return v; }

            // SparseLogistic: w (12); 6 rows of 0..4 features.
            private static (int[] Indices, double[] Values, int[] Offsets, double[] Labels) Csr(Random r)
            {
                var offsets = new int[7];
                var indices = new System.Collections.Generic.List<int>();
                var values = new System.Collections.Generic.List<double>();
                for (int i = 0; i < 6; i++)
                {
                    int count = r.Next(5);
                    for (int k = 0; k < count; k++) { indices.Add(r.Next(12)); values.Add(r.NextDouble() * 2 - 1); }
                    offsets[i + 1] = indices.Count;
                }

                return (indices.ToArray(), values.ToArray(), offsets, Labels(r, 6));
            }

            public static double SparseLogistic_Value(double[] t, int seed) { var c = Csr(new Random(seed)); return L.SparseLogistic(t, c.Indices, c.Values, c.Offsets, c.Labels, 0.05, 0.2); }
            public static double SparseLogistic_Gradient(double[] t, int seed, double[] g) { var c = Csr(new Random(seed)); return L.SparseLogisticWithGradient(t, c.Indices, c.Values, c.Offsets, c.Labels, 0.05, 0.2, g); }

            // SoftmaxCrossEntropy: weights (3 classes x 4 features), bias (3); 5 rows.
            private static int[] Classes(Random r, int count) { var a = new int[count]; for (int i = 0; i < count; i++) a[i] = r.Next(3); return a; }
            public static double SoftmaxCrossEntropy_Value(double[] t, int seed) { var r = new Random(seed); var x = Uniform(r, 20, -2, 2); var y = Classes(r, 5); return L.SoftmaxCrossEntropy(t.AsSpan(0, 12), t.AsSpan(12, 3), x, y); }
            public static double SoftmaxCrossEntropy_Gradient(double[] t, int seed, double[] g) { var r = new Random(seed); var x = Uniform(r, 20, -2, 2); var y = Classes(r, 5); return L.SoftmaxCrossEntropyWithGradient(t.AsSpan(0, 12), t.AsSpan(12, 3), x, y, g.AsSpan(0, 12), g.AsSpan(12, 3)); }

            // Distillation: student logits (5); teacher logits and temperature from the seed.
            public static double Distillation_Value(double[] t, int seed) { var r = new Random(seed); var teacher = Uniform(r, 5, -4, 4); return L.Distillation(t, teacher, 0.5 + 4 * r.NextDouble()); }
            public static double Distillation_Gradient(double[] t, int seed, double[] g) { var r = new Random(seed); var teacher = Uniform(r, 5, -4, 4); return L.DistillationWithGradient(t, teacher, 0.5 + 4 * r.NextDouble(), g); }

            // Mlp: w1 (4 hidden x 3 inputs), b1 (4), w2 (4), b2; 6 rows.
            public static double Mlp_Value(double[] t, int seed) { var r = new Random(seed); var x = Uniform(r, 18, -1, 1); var y = Labels(r, 6); return L.Mlp(t.AsSpan(0, 12), t.AsSpan(12, 4), t.AsSpan(16, 4), t[20], x, y); }
            public static double Mlp_Gradient(double[] t, int seed, double[] g) { var r = new Random(seed); var x = Uniform(r, 18, -1, 1); var y = Labels(r, 6); var v = L.MlpWithGradient(t.AsSpan(0, 12), t.AsSpan(12, 4), t.AsSpan(16, 4), t[20], x, y, g.AsSpan(0, 12), g.AsSpan(12, 4), g.AsSpan(16, 4), out var db2); g[20] = db2; return v; }

            // GaussianMixture: alphas (3), means (3 x 2), log sigmas (3 x 2); 8 points in 2-D.
            public static double GaussianMixture_Value(double[] t, int seed) { var r = new Random(seed); var x = Uniform(r, 16, -2, 2); return L.GaussianMixture(t.AsSpan(0, 3), t.AsSpan(3, 6), t.AsSpan(9, 6), x); }
            public static double GaussianMixture_Gradient(double[] t, int seed, double[] g) { var r = new Random(seed); var x = Uniform(r, 16, -2, 2); return L.GaussianMixtureWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 6), t.AsSpan(9, 6), x, g.AsSpan(0, 3), g.AsSpan(3, 6), g.AsSpan(9, 6)); }

            public static double Reductions_Value(double[] t, int seed) => L.Reductions(t);
            public static double Reductions_Gradient(double[] t, int seed, double[] g) => L.ReductionsWithGradient(t, g);

            public static double Composed_Value(double[] t, int seed) { var r = new Random(seed); var x = Uniform(r, 35, -1, 1); var y = Labels(r, 7); return L.Composed(t.AsSpan(0, 5), t[5], x, y); }
            public static double Composed_Gradient(double[] t, int seed, double[] g) { var r = new Random(seed); var x = Uniform(r, 35, -1, 1); var y = Labels(r, 7); var v = L.ComposedWithGradient(t.AsSpan(0, 5), t[5], x, y, g.AsSpan(0, 5), out var db); g[5] = db; return v; }

            public static double Iterative_Value(double[] t, int seed) => L.Iterative(t);
            public static double Iterative_Gradient(double[] t, int seed, double[] g) => L.IterativeWithGradient(t, g);

            public static double Controlled_Value(double[] t, int seed) => L.Controlled(t, (seed % 7) / 7.0 - 0.5);
            public static double Controlled_Gradient(double[] t, int seed, double[] g) => L.ControlledWithGradient(t, (seed % 7) / 7.0 - 0.5, g);

            // AdbenchGmm: alphas (3), means (3 x 3), icf (3 x 6); 5 points in 3 dimensions.
            public static double AdbenchGmm_Value(double[] t, int seed) { var x = Uniform(new Random(seed), 15, -1.5, 1.5); return L.AdbenchGmm(t.AsSpan(0, 3), t.AsSpan(3, 9), t.AsSpan(12, 18), x, 1.0, 2.0); }
            public static double AdbenchGmm_Gradient(double[] t, int seed, double[] g) { var x = Uniform(new Random(seed), 15, -1.5, 1.5); return L.AdbenchGmmWithGradient(t.AsSpan(0, 3), t.AsSpan(3, 9), t.AsSpan(12, 18), x, 1.0, 2.0, g.AsSpan(0, 3), g.AsSpan(3, 9), g.AsSpan(12, 18)); }

            public static double Recurrence_Value(double[] t, int seed) => L.Recurrence(t);
            public static double Recurrence_Gradient(double[] t, int seed, double[] g) => L.RecurrenceWithGradient(t, g);

            // Bucketed: w (7); fraction 0.5 of n = 6 gives k = 3 ((int)0.5 * 6 would give 0).
            public static double Bucketed_Value(double[] t, int seed) => L.Bucketed(t, 0.5, 6);
            public static double Bucketed_Gradient(double[] t, int seed, double[] g) => L.BucketedWithGradient(t, 0.5, 6, g);

            // Counted, Compacted: w (8); x (8) drawn from the seed.
            public static double Counted_Value(double[] t, int seed) => L.Counted(t, Uniform(new Random(seed), 8, -1, 1));
            public static double Counted_Gradient(double[] t, int seed, double[] g) => L.CountedWithGradient(t, Uniform(new Random(seed), 8, -1, 1), g);
            public static double Compacted_Value(double[] t, int seed) => L.Compacted(t, Uniform(new Random(seed), 8, -1, 1));
            public static double Compacted_Gradient(double[] t, int seed, double[] g) => L.CompactedWithGradient(t, Uniform(new Random(seed), 8, -1, 1), g);

            // Shifts: v (6).
            public static double Shifts_Value(double[] t, int seed) => L.Shifts(t);
            public static double Shifts_Gradient(double[] t, int seed, double[] g) => L.ShiftsWithGradient(t, g);

            // Stepped: w (9). Countdown: w (6).
            public static double Stepped_Value(double[] t, int seed) => L.Stepped(t);
            public static double Stepped_Gradient(double[] t, int seed, double[] g) => L.SteppedWithGradient(t, g);
            public static double Countdown_Value(double[] t, int seed) => L.Countdown(t);
            public static double Countdown_Gradient(double[] t, int seed, double[] g) => L.CountdownWithGradient(t, g);

            // Shifted: w (9) as an array, v (6); 4 rows of 3; lag -1.
            private static readonly int[] Starts = { 0, 2, 1, 3 };
            public static double Shifted_Value(double[] t, int seed) { var x = Uniform(new Random(seed), 12, -1, 1); return L.Shifted(t[..9], t.AsSpan(9, 6), x, Starts, -1); }
            public static double Shifted_Gradient(double[] t, int seed, double[] g) { var x = Uniform(new Random(seed), 12, -1, 1); return L.ShiftedWithGradient(t[..9], t.AsSpan(9, 6), x, Starts, -1, g.AsSpan(0, 9), g.AsSpan(9, 6)); }

            // The split halves a generated caller runs (forward, then reverse with a seed), adding into g; the tape ends empty.

            // JaggedNetwork: w1 (3 x 2), b1 (3), w2 (3), b2; 5 rows of 2 inputs. Ragged: rows of 1, 2 and 3.
            private static double[][] Rows(double[] t, int start, params int[] lengths)
            {
                var rows = new double[lengths.Length][];
                for (int i = 0; i < lengths.Length; i++) { rows[i] = t.AsSpan(start, lengths[i]).ToArray(); start += lengths[i]; }
                return rows;
            }

            private static void Flatten(double[][] rows, double[] g, int start)
            {
                foreach (var row in rows) { row.CopyTo(g, start); start += row.Length; }
            }

            public static double JaggedNetwork_Value(double[] t, int seed) { var r = new Random(seed); var x = Rows(Uniform(r, 10, -1, 1), 0, 2, 2, 2, 2, 2); var y = Labels(r, 5); return L.JaggedNetwork(Rows(t, 0, 2, 2, 2), t[6..9], t[9..12], t[12], x, y); }
            public static double JaggedNetwork_Gradient(double[] t, int seed, double[] g)
            {
                var r = new Random(seed); var x = Rows(Uniform(r, 10, -1, 1), 0, 2, 2, 2, 2, 2); var y = Labels(r, 5);
                var dW1 = Rows(new double[6], 0, 2, 2, 2); var db1 = new double[3]; var dw2 = new double[3];
                var v = L.JaggedNetworkWithGradient(Rows(t, 0, 2, 2, 2), t[6..9], t[9..12], t[12], x, y, dW1, db1, dw2, out var db2);
                Flatten(dW1, g, 0); db1.CopyTo(g, 6); dw2.CopyTo(g, 9); g[12] = db2;
                return v;
            }

            public static double Ragged_Value(double[] t, int seed) => L.Ragged(Rows(t, 0, 1, 2, 3));
            public static double Ragged_Gradient(double[] t, int seed, double[] g) { var dw = Rows(new double[6], 0, 1, 2, 3); var v = L.RaggedWithGradient(Rows(t, 0, 1, 2, 3), dw); Flatten(dw, g, 0); return v; }

            /// <summary>RaggedWithGradient with a gradient whose row <paramref name="wrong"/> is one element short: the message it throws.</summary>
            public static string Ragged_Misshapen(int wrong)
            {
                var dw = new double[3][] { new double[1], new double[2], new double[3] };
                dw[wrong] = new double[dw[wrong].Length - 1];
                try { L.RaggedWithGradient(Rows(new double[6], 0, 1, 2, 3), dw); return "no exception"; }
                catch (ArgumentException e) { return e.ParamName + ": " + e.Message; }
            }

            // MatrixSoftmax: w (3 x 2), b (3); 4 rows of 2 inputs, labels in 0..2.
            private static double[,] Grid(double[] t, int start, int rows, int columns)
            {
                var grid = new double[rows, columns];
                for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) grid[i, j] = t[start + i * columns + j];
                return grid;
            }

            private static int[] Classes(Random r, int count, int k)
            {
                var a = new int[count];
                for (int i = 0; i < count; i++) a[i] = r.Next(k);
                return a;
            }

            public static double MatrixSoftmax_Value(double[] t, int seed) { var r = new Random(seed); var x = Grid(Uniform(r, 8, -1, 1), 0, 4, 2); return L.MatrixSoftmax(Grid(t, 0, 3, 2), t[6..9], x, Classes(r, 4, 3)); }
            public static double MatrixSoftmax_Gradient(double[] t, int seed, double[] g)
            {
                var r = new Random(seed); var x = Grid(Uniform(r, 8, -1, 1), 0, 4, 2);
                var dw = new double[3, 2]; var db = new double[3];
                var v = L.MatrixSoftmaxWithGradient(Grid(t, 0, 3, 2), t[6..9], x, Classes(r, 4, 3), dw, db);
                for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) g[i * 2 + j] = dw[i, j];
                db.CopyTo(g, 6);
                return v;
            }

            /// <summary>MatrixSoftmaxWithGradient with a gradient of the wrong shape: the message it throws.</summary>
            public static string MatrixSoftmax_Misshapen(int rows, int columns)
            {
                try { L.MatrixSoftmaxWithGradient(new double[3, 2], new double[3], new double[1, 2], new int[1], new double[rows, columns], new double[3]); return "no exception"; }
                catch (ArgumentException e) { return e.ParamName + ": " + e.Message; }
            }

            private static void Empty(ref global::Gradwise.Runtime.GradwiseTape tape)
            {
                if (tape.Count != 0)
                {
                    throw new InvalidOperationException("the reverse half left " + tape.Count + " value(s) on the tape");
                }

                tape.Release();
            }
        }
        """;

    /// <summary>
    /// The split halves of each method that has them, called by hand (<c>X_Split</c>), and a [Differentiable] caller of each
    /// (<c>X_Caller</c>, written from the method's own parameter list): the generator writes a method's halves only when some
    /// generated caller calls it.
    /// </summary>
    public static string SplitSource => """
        using System;
        using Gradwise;

        namespace Specs;

        public static partial class Calls
        {
        """ + "\n" + string.Join("\n", SplitWrappers) + "\n}\n\npublic static partial class Callers\n{\n" + string.Join("\n", CallersOf(Source)) + "\n}\n";

    private static readonly string[] SplitWrappers =
    {
        @"public static double Shifts_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.ShiftsGradwiseForward(t, ref tape); L.ShiftsGradwiseReverse(t, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double LogisticL2_Split(double[] t, int seed, double[] g, double scale) { var r = new Random(seed); var x = Uniform(r, 35, -1, 1); var y = Labels(r, 7); var tape = new global::Gradwise.Runtime.GradwiseTape(4); double db = 0; var v = L.LogisticL2GradwiseForward(t.AsSpan(0, 5), t[5], x, y, 0.3, ref tape); L.LogisticL2GradwiseReverse(t.AsSpan(0, 5), t[5], x, y, 0.3, ref tape, scale, g.AsSpan(0, 5), ref db); g[5] += db; Empty(ref tape); return v; }",
        @"public static double SparseLogistic_Split(double[] t, int seed, double[] g, double scale) { var c = Csr(new Random(seed)); var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.SparseLogisticGradwiseForward(t, c.Indices, c.Values, c.Offsets, c.Labels, 0.05, 0.2, ref tape); L.SparseLogisticGradwiseReverse(t, c.Indices, c.Values, c.Offsets, c.Labels, 0.05, 0.2, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double SoftmaxCrossEntropy_Split(double[] t, int seed, double[] g, double scale) { var r = new Random(seed); var x = Uniform(r, 20, -2, 2); var y = Classes(r, 5); var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.SoftmaxCrossEntropyGradwiseForward(t.AsSpan(0, 12), t.AsSpan(12, 3), x, y, ref tape); L.SoftmaxCrossEntropyGradwiseReverse(t.AsSpan(0, 12), t.AsSpan(12, 3), x, y, ref tape, scale, g.AsSpan(0, 12), g.AsSpan(12, 3)); Empty(ref tape); return v; }",
        @"public static double Distillation_Split(double[] t, int seed, double[] g, double scale) { var r = new Random(seed); var teacher = Uniform(r, 5, -4, 4); var temperature = 0.5 + 4 * r.NextDouble(); var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.DistillationGradwiseForward(t, teacher, temperature, ref tape); L.DistillationGradwiseReverse(t, teacher, temperature, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Mlp_Split(double[] t, int seed, double[] g, double scale) { var r = new Random(seed); var x = Uniform(r, 18, -1, 1); var y = Labels(r, 6); var tape = new global::Gradwise.Runtime.GradwiseTape(4); double db2 = 0; var v = L.MlpGradwiseForward(t.AsSpan(0, 12), t.AsSpan(12, 4), t.AsSpan(16, 4), t[20], x, y, ref tape); L.MlpGradwiseReverse(t.AsSpan(0, 12), t.AsSpan(12, 4), t.AsSpan(16, 4), t[20], x, y, ref tape, scale, g.AsSpan(0, 12), g.AsSpan(12, 4), g.AsSpan(16, 4), ref db2); g[20] += db2; Empty(ref tape); return v; }",
        @"public static double GaussianMixture_Split(double[] t, int seed, double[] g, double scale) { var r = new Random(seed); var x = Uniform(r, 16, -2, 2); var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.GaussianMixtureGradwiseForward(t.AsSpan(0, 3), t.AsSpan(3, 6), t.AsSpan(9, 6), x, ref tape); L.GaussianMixtureGradwiseReverse(t.AsSpan(0, 3), t.AsSpan(3, 6), t.AsSpan(9, 6), x, ref tape, scale, g.AsSpan(0, 3), g.AsSpan(3, 6), g.AsSpan(9, 6)); Empty(ref tape); return v; }",
        @"public static double Reductions_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.ReductionsGradwiseForward(t, ref tape); L.ReductionsGradwiseReverse(t, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Composed_Split(double[] t, int seed, double[] g, double scale) { var r = new Random(seed); var x = Uniform(r, 35, -1, 1); var y = Labels(r, 7); var tape = new global::Gradwise.Runtime.GradwiseTape(4); double db = 0; var v = L.ComposedGradwiseForward(t.AsSpan(0, 5), t[5], x, y, ref tape); L.ComposedGradwiseReverse(t.AsSpan(0, 5), t[5], x, y, ref tape, scale, g.AsSpan(0, 5), ref db); g[5] += db; Empty(ref tape); return v; }",
        @"public static double Iterative_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.IterativeGradwiseForward(t, ref tape); L.IterativeGradwiseReverse(t, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Controlled_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.ControlledGradwiseForward(t, (seed % 7) / 7.0 - 0.5, ref tape); L.ControlledGradwiseReverse(t, (seed % 7) / 7.0 - 0.5, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double AdbenchGmm_Split(double[] t, int seed, double[] g, double scale) { var x = Uniform(new Random(seed), 15, -1.5, 1.5); var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.AdbenchGmmGradwiseForward(t.AsSpan(0, 3), t.AsSpan(3, 9), t.AsSpan(12, 18), x, 1.0, 2.0, ref tape); L.AdbenchGmmGradwiseReverse(t.AsSpan(0, 3), t.AsSpan(3, 9), t.AsSpan(12, 18), x, 1.0, 2.0, ref tape, scale, g.AsSpan(0, 3), g.AsSpan(3, 9), g.AsSpan(12, 18)); Empty(ref tape); return v; }",
        @"public static double Recurrence_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.RecurrenceGradwiseForward(t, ref tape); L.RecurrenceGradwiseReverse(t, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Bucketed_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.BucketedGradwiseForward(t, 0.5, 6, ref tape); L.BucketedGradwiseReverse(t, 0.5, 6, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Counted_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.CountedGradwiseForward(t, Uniform(new Random(seed), 8, -1, 1), ref tape); L.CountedGradwiseReverse(t, Uniform(new Random(seed), 8, -1, 1), ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Compacted_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.CompactedGradwiseForward(t, Uniform(new Random(seed), 8, -1, 1), ref tape); L.CompactedGradwiseReverse(t, Uniform(new Random(seed), 8, -1, 1), ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Stepped_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.SteppedGradwiseForward(t, ref tape); L.SteppedGradwiseReverse(t, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Countdown_Split(double[] t, int seed, double[] g, double scale) { var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.CountdownGradwiseForward(t, ref tape); L.CountdownGradwiseReverse(t, ref tape, scale, g); Empty(ref tape); return v; }",
        @"public static double Shifted_Split(double[] t, int seed, double[] g, double scale) { var x = Uniform(new Random(seed), 12, -1, 1); var tape = new global::Gradwise.Runtime.GradwiseTape(4); var v = L.ShiftedGradwiseForward(t[..9], t.AsSpan(9, 6), x, Starts, -1, ref tape); L.ShiftedGradwiseReverse(t[..9], t.AsSpan(9, 6), x, Starts, -1, ref tape, scale, g.AsSpan(0, 9), g.AsSpan(9, 6)); Empty(ref tape); return v; }",
    };

    /// <summary><c>[Differentiable] public static double X_Caller(same parameters) => L.X(same arguments);</c> for each method with halves.</summary>
    private static IEnumerable<string> CallersOf(string source)
    {
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var method in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
        {
            var name = method.Identifier.ValueText;
            if (method.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax { Identifier.ValueText: "L" } && All.Any(c => c.Name == name && c.HasSplit))
            {
                var arguments = string.Join(", ", method.ParameterList.Parameters.Select(p => p.Identifier.ValueText));
                yield return "    [Differentiable] public static double " + name + "_Caller" + method.ParameterList + " => L." + name + "(" + arguments + ");";
            }
        }
    }
}
