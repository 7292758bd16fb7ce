"""Tests of the pure analysis, module by module, and its properties against a brute-force oracle."""
