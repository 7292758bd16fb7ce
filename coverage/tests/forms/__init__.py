"""Tests of the coverage filters."""
