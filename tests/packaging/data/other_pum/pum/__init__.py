"""A stand-in for another `pum` (pip's pum 1.x, or one bundled in a QGIS plugin):
same name, none of pum-native's API, so a hook given this one fails."""

__version__ = "1.3.2"
