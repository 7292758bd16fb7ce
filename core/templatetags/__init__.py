"""Template tags every app's templates share."""
