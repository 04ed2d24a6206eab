-- Field staff's capability links (处置链接): a random token (only its SHA-256 kept) bound to one dispatch and one
-- person of one unit, expiring and revocable; every action through it is that person's.
create table field_link (
    id           uuid primary key,
    token_hash   varchar(64) not null unique,
    dispatch_id  uuid        not null,
    person_id    varchar(64) not null,
    unit_code    varchar(64) not null,
    part         varchar(16) not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    uses         integer     not null default 0
);
create index field_link_dispatch on field_link (dispatch_id);
create index field_link_person on field_link (person_id, expires_at);

-- Photos taken on site, checked by content (JPEG/PNG), at most 1,600 px a side.
create table dispatch_photo (
    id           uuid primary key,
    dispatch_id  uuid        not null,
    ticket_id    varchar(64) not null,
    person_id    varchar(64) not null,
    unit_code    varchar(64) not null,
    content_type varchar(32) not null,
    width        integer     not null,
    height       integer     not null,
    size_bytes   integer     not null,
    bytes        bytea       not null,
    created_at   timestamptz not null
);
create index dispatch_photo_dispatch on dispatch_photo (dispatch_id, created_at);
create index dispatch_photo_ticket on dispatch_photo (ticket_id, created_at);
