"""Tests of the Partner API, mirroring its modules."""
