"""Tests of the shared foundations."""
