ALTER TABLE pum_current_data.pipe
    ADD COLUMN from_node integer REFERENCES pum_current_data.node (id),
    ADD COLUMN to_node integer REFERENCES pum_current_data.node (id);
