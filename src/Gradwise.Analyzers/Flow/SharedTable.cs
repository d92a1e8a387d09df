using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Gradwise.Flow;

/// <summary>
/// Tables that every thread of one compilation's analysis reads and fills. A default
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> has one lock per processor, so on a 2-core
/// build machine two threads adding unrelated keys wait for each other half the time; with the
/// compiler's many pool threads on few cores the holder is often descheduled while the waiter spins
/// (measured: spinning in these locks was a sixth of GW1001's time). More stripes make that rare;
/// a stripe is one small object.
/// </summary>
internal static class SharedTable
{
    private const int Stripes = 64;
    private const int Capacity = 127;

    private const int SmallStripes = 4;
    private const int SmallCapacity = 7;

    public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        new(Stripes, Capacity, comparer ?? EqualityComparer<TKey>.Default);

    /// <summary>
    /// A table one of which exists per syntax tree (a few keys each, asked by whichever thread reads that file): 64 stripes there
    /// cost about 4 KB per file (3 MB on a 700-file project, a twentieth of what all the rules allocate there), for contention
    /// that tables this spread out do not have.
    /// </summary>
    public static ConcurrentDictionary<TKey, TValue> CreateSmall<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        new(SmallStripes, SmallCapacity, comparer ?? EqualityComparer<TKey>.Default);
}
