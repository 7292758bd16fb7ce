"""Tests of the selectors, one module per selectors module."""
