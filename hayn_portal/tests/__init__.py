"""Tests of the portal as a whole: settings, public pages, the admin, bad input, the browser."""
