"""Shared, app-independent UI helpers (not a Django app): form styling, pagination."""
