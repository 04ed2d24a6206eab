-- The duplicate query (DuplicateFinder: same caller, or same category at the same village, address or spot within
-- the window) read every ticket of the category in the window through ticket_place, whose second column (the town)
-- it does not name: a cost that grows with the table. One index per place arm lets PostgreSQL OR three narrow
-- index scans instead.
create index ticket_dup_village on ticket (category_code, village_code, received_at);
create index ticket_dup_address on ticket (category_code, address, received_at);
create index ticket_dup_spot on ticket (category_code, lat, lon, received_at);
