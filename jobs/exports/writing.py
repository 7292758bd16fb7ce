"""What every export's file shares: progress recorded as rows are written, text into a binary file, the counts."""

import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..lifecycle import job_touch
from ..models import ExportJob

PROGRESS_EVERY = 1000


@dataclass
class Written:
    """What went into an export's file: rows (or grants) written, of how many, and how many were left out."""

    rows: int
    total: int
    left_out: int = 0


def with_progress(items: Iterable, *, job_id: int, total: int) -> Iterator:
    """The items, recording the export's progress (a sign of life) every thousand."""
    for done, item in enumerate(items, start=1):
        if done % PROGRESS_EVERY == 0:
            job_touch(ExportJob, job_id, progress=min(99, done * 100 // max(total, 1)), row_count=done)
        yield item


@contextmanager
def as_text(stream: io.BufferedIOBase, encoding: str) -> Iterator[io.TextIOWrapper]:
    """Write text into a binary file, leaving the file open for storage to read afterwards."""
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        yield text
    finally:
        text.flush()
        text.detach()
