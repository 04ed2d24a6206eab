-- This service's copy of intake's category catalogue: the categories intake announced (category.changed) over the
-- region's seed (region-data categories.csv), read by service-support's CategoryCopy.
create table category_copy (
    code        varchar(32)  primary key,
    name        varchar(200) not null,
    parent_code varchar(32),
    changed_at  timestamptz  not null
);
