CREATE TABLE invalid.lost (id int);
