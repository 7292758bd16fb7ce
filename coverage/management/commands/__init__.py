"""The coverage app's management commands: bench_coverage."""
