"""Words the coverage tables share: each state and priority in short, names in a sentence, and counted nouns."""

from boroughs.models import Priority

from ..analysis.matrix import CellState

PRIORITY_LABELS = dict(Priority.choices)
SHORT_STATE = {CellState.GAP: "Gap", CellState.THIN: "Thin", CellState.COVERED: "Covered", CellState.OVERLAP: "Overlap"}
# Names shown in a cell before "and N more".
NAMES_IN_CELL = 2


def listed(names: list[str], limit: int = NAMES_IN_CELL) -> str:
    """Names joined as in a sentence, the rest counted: "Hyde, Peabody and 3 more"."""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return "".join(names)


def plural(count: int, word: str) -> str:
    """A count and its noun: "1 project", "2 projects"."""
    return f"{count} {word}{'' if count == 1 else 's'}"
