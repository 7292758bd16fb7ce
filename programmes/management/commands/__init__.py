"""Management commands of the programmes app."""
