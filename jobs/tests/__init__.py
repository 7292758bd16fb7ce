"""Tests of import and export: each module of jobs/ has its tests under the matching name."""
