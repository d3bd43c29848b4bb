"""`round(x, digits)` for the few values a page repeats: type sizes, their ratios, leadings.

CPython rounds a float to decimal digits through a correctly rounded decimal conversion
and back, some thousand machine instructions a call, about twenty times a plain
`round(x)`; the layout rounds every run's size that way, several times over. A page sets
its type in a handful of sizes, so each value is rounded once and looked up after that:
the result is `round`'s own, bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable

# Values each rounder keeps; past this it rounds afresh (a page uses a few dozen).
MEMO_SIZE = 4096


def _memoised(digits: int) -> Callable[[float], float]:
    """`round(x, digits)`, each value rounded once. Only floats other than zero and NaN are
    kept: 0.0 and -0.0 are one key in a dict but each keeps its own sign, an int equals its
    float yet rounds to an int, and no NaN is ever found again."""
    memo: dict[float, float] = {}

    def rounded(x: float) -> float:
        exact = type(x) is float
        r = memo.get(x) if exact else None
        if r is None:
            r = round(x, digits)
            if exact and x and x == x and len(memo) < MEMO_SIZE:
                memo[x] = r
        return r

    return rounded


tenth = _memoised(1)
hundredth = _memoised(2)
thousandth = _memoised(3)
