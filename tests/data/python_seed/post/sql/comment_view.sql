-- Run by create_view.py through self.execute(Path(...)): parameters apply here too.
COMMENT ON VIEW pum_pyseed_app.some_view IS 'points in EPSG:{srid}';
