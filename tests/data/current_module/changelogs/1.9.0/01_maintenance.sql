CREATE TABLE pum_current_data.maintenance (
    id serial PRIMARY KEY,
    pipe_id integer NOT NULL REFERENCES pum_current_data.pipe (id) ON DELETE CASCADE,
    kind varchar(20) NOT NULL,
    done_on date NOT NULL DEFAULT current_date
);
