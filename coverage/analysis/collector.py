"""Pausing Python's cyclic garbage collector while the fetch and the analysis build their many small objects."""

import gc
from contextlib import contextmanager


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while building many small objects that hold no cycles (the
    fetch and the analysis): its passes would only cost time, half the fetch's at 50,000 projects."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
