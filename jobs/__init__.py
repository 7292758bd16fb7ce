"""Background work: exports (register and 360Giving), bulk imports, return reminders and coverage snapshots."""
