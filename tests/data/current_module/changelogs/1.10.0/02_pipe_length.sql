CREATE FUNCTION pum_current_data.pipe_length(pipe_id integer) RETURNS double precision
    LANGUAGE sql STABLE AS $$
        SELECT ST_Length(geometry)
        FROM pum_current_data.pipe
        WHERE id = pipe_id AND ST_SRID(geometry) = {srid}
    $$;
