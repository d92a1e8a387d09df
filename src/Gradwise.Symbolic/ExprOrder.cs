using System;
using System.Collections.Generic;

namespace Gradwise.Symbolic;

/// <summary>
/// A total, deterministic order on expressions: by kind, then by content. It makes a*b and
/// b*a one node and fixes the order in which generated code names things.
/// </summary>
public sealed class ExprOrder : IComparer<Expr>
{
    /// <summary>The one instance.</summary>
    public static readonly ExprOrder Instance = new();

    /// <summary>
    /// <see cref="Instance"/>'s comparison as a delegate made once: sorting a list with the comparer object makes a delegate per
    /// sort, and every sum and product built sorts its parts.
    /// </summary>
    public static readonly System.Comparison<Expr> Comparison = Instance.Compare;

    private ExprOrder()
    {
    }

    /// <inheritdoc />
    public int Compare(Expr? x, Expr? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byKind = ((int)x.Kind).CompareTo((int)y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        switch (x)
        {
            case Constant cx:
                return cx.Value.CompareTo(((Constant)y).Value);
            case Variable vx:
                return string.CompareOrdinal(vx.Name, ((Variable)y).Name);
            case Call callX:
                var callY = (Call)y;
                var byFunction = ((int)callX.Function).CompareTo((int)callY.Function);
                return byFunction != 0 ? byFunction : CompareLists(callX.Arguments, callY.Arguments);
            case Compare cmpX:
                var cmpY = (Compare)y;
                var byOp = ((int)cmpX.Operator).CompareTo((int)cmpY.Operator);
                return byOp != 0 ? byOp : CompareLists(cmpX.Children, cmpY.Children);
            case Logical lx:
                var ly = (Logical)y;
                var byLogical = ((int)lx.Operator).CompareTo((int)ly.Operator);
                return byLogical != 0 ? byLogical : CompareLists(lx.Operands, ly.Operands);
            case UserCall ux:
                var uy = (UserCall)y;
                var byTarget = string.CompareOrdinal(ux.Function.Target, uy.Function.Target);
                if (byTarget != 0)
                {
                    return byTarget;
                }

                var byPartial = ux.Partial.CompareTo(uy.Partial);
                return byPartial != 0 ? byPartial : CompareLists(ux.Arguments, uy.Arguments);
            case Power px:
                var py = (Power)y;
                var byBase = Compare(px.Base, py.Base);
                return byBase != 0 ? byBase : Compare(px.Exponent, py.Exponent);
            default:
                return CompareLists(x.Children, y.Children);
        }
    }

    private int CompareLists(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
    {
        var n = Math.Min(a.Count, b.Count);
        for (var i = 0; i < n; i++)
        {
            var c = Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }
}
