"""Tests of exports: the register and 360Giving files, and running an export job."""
