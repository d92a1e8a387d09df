using System;
using System.Collections;
using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>An immutable array with value equality, for incremental-generator models and program IR.</summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? items;

    /// <summary>Wraps <paramref name="items"/>, which must not change afterwards.</summary>
    public EquatableArray(T[] items)
    {
        this.items = items;
    }

    /// <summary>No items.</summary>
    public static EquatableArray<T> Empty => new(Array.Empty<T>());

    /// <inheritdoc />
    public int Count => items?.Length ?? 0;

    /// <inheritdoc />
    public T this[int index] => (items ?? Array.Empty<T>())[index];

    /// <summary>Same length and equal items in order.</summary>
    public bool Equals(EquatableArray<T> other)
    {
        var a = items ?? Array.Empty<T>();
        var b = other.items ?? Array.Empty<T>();
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = 17;
        foreach (var item in items ?? Array.Empty<T>())
        {
            h = unchecked((h * 31) + item.GetHashCode());
        }

        return h;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
