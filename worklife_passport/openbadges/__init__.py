"""Open Badges: 2.0 hosted assertions, 3.0 credentials signed as VC-JWT, baking, verifying."""
