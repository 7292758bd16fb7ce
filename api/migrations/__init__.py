"""The Partner API's migrations."""
