"""Management commands of the coverage app."""
