COMMENT ON SCHEMA invalid IS 'language: {lang}';
