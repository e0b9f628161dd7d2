"""One-to-one matching of gold and predicted items (maximum bipartite matching)."""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

G = TypeVar("G")
P = TypeVar("P")


def match(gold: Sequence[G], pred: Sequence[P], ok: Callable[[G, P], bool],
          taken_gold: set[int] | None = None, taken_pred: set[int] | None = None
          ) -> list[tuple[int, int]]:
    """Pairs ``(gold index, pred index)`` of a maximum one-to-one matching under ``ok``.

    Items in ``taken_gold`` / ``taken_pred`` (already matched by an earlier, stricter pass) are
    left out. Kuhn's augmenting paths: each gold and each prediction is used at most once, so a
    duplicate prediction stays unmatched (a false positive).
    """
    taken_gold = taken_gold or set()
    taken_pred = taken_pred or set()
    cands = [[j for j, p in enumerate(pred) if j not in taken_pred and ok(g, p)]
             if i not in taken_gold else [] for i, g in enumerate(gold)]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in cands[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if cands[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())
