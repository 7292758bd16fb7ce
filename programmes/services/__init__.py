"""Writes, one module per concept of the partnership; each service checks the rules and records who and why."""
