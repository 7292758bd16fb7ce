"""Settings: base, local, test and production; production only tightens security."""
