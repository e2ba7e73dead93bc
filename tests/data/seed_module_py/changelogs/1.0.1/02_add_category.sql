CREATE TABLE pum_test_data.category (
    code varchar(10) PRIMARY KEY,
    label text NOT NULL
);

INSERT INTO pum_test_data.category (code, label) VALUES ('A', 'Active'), ('B', 'Backup');

ALTER TABLE pum_test_data.some_table
    ADD COLUMN category varchar(10) REFERENCES pum_test_data.category (code);
