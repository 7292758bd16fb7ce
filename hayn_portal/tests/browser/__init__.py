"""Browser tests in Debian's headless Chromium: accessibility, keyboard, journeys."""
