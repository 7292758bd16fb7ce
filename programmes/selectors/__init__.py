"""Reads, scoped to the user asking, one module per concept of the partnership."""
