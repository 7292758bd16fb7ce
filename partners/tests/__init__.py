"""Tests of organisations, people, invitations and sign-in."""
