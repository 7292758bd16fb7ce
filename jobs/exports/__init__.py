"""Exports: the project register (CSV, Excel) and 360Giving data, made as files by a worker."""
