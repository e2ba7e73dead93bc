CREATE TABLE invalid.again (id int);
