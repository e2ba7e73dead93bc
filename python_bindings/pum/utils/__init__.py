"""Helpers for hooks (pum 1.x names)."""
