"""Overlaps and gaps in provision: the coverage analysis the partnership exists for."""
