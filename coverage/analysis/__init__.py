"""Overlaps and gaps in provision, worked out from plain data: pure, deterministic, no Django, no database."""
