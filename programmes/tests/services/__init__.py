"""Tests of the services, one module per services module."""
