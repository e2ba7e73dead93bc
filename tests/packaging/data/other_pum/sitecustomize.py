"""Imports the other `pum` at interpreter start, as a QGIS plugin bundling pum
would have done before our plugin runs its first Python hook."""

import pum  # noqa: F401
