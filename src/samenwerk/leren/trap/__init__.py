"""Part of the learning staircase: see ../models/__init__.py."""
