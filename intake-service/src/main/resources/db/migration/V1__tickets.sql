-- Category catalogue (shared codes with routing; seeded from region-data categories.csv).
create table category (
    code        varchar(16) primary key,
    name        varchar(64) not null,
    parent_code varchar(16)
);

-- One ticket per citizen request, whatever the channel. Caller phone/ID are kept in full only here;
-- every API, event and log line uses the *_masked columns or masks on the way out.
create table ticket (
    id                 uuid primary key,
    number             varchar(16)  not null unique,
    channel            varchar(16)  not null,
    kind               varchar(16)  not null,
    urgency            varchar(8)   not null,
    category_code      varchar(16),
    content            text         not null,
    caller_name        varchar(64),
    caller_phone       varchar(20),
    caller_phone_masked varchar(20),
    caller_id_number   varchar(18),
    caller_id_masked   varchar(18),
    lat                double precision,
    lon                double precision,
    address            varchar(256),
    county_code        varchar(12),
    town_code          varchar(12),
    village_code       varchar(12),
    resolved_by        varchar(16),
    flags              varchar(256) not null default '',
    attachments        text,
    external_ref       varchar(64),
    operator_id        varchar(64),
    proxy_agent        varchar(64),
    status             varchar(20)  not null,
    master_ticket_id   uuid,
    reopen_count       int          not null default 0,
    occurred_at        timestamptz,
    received_at        timestamptz  not null,
    awaiting_since     timestamptz,
    closed_at          timestamptz,
    updated_at         timestamptz  not null,
    version            int          not null default 0
);
create index ticket_caller_phone on ticket (caller_phone, received_at);
create index ticket_caller_id on ticket (caller_id_number, received_at);
create index ticket_place on ticket (category_code, town_code, received_at);
create index ticket_status on ticket (status, number);
create index ticket_awaiting on ticket (awaiting_since) where status = 'AWAITING_FOLLOWUP';
create unique index ticket_external_ref on ticket (channel, external_ref) where external_ref is not null;

-- Ticket numbers HZyyyyMMddNNNNNN: one counter row per day, incremented by a single autocommitted
-- statement (a per-day sequence without DDL): unique and increasing, no lock held by ticket transactions.
create table ticket_number_counter (
    day        date   primary key,
    last_value bigint not null
);

-- Idempotency-Key → the exact response of the first request; a concurrent duplicate waits on the key.
create table idempotency_key (
    key          varchar(128) primary key,
    request_hash varchar(64)  not null,
    ticket_id    uuid,
    response     text,
    created_at   timestamptz  not null default now()
);

-- Units a ticket is dispatched to (learned from dispatch.* events), for handler visibility.
create table ticket_unit (
    ticket_id   uuid        not null,
    dispatch_id varchar(64) not null,
    unit_code   varchar(64) not null,
    role        varchar(16) not null,
    primary key (ticket_id, dispatch_id, unit_code)
);
create index ticket_unit_unit on ticket_unit (unit_code);

-- Follow-up calls (回访).
create table follow_up (
    id           uuid primary key,
    ticket_id    uuid        not null,
    resolution   varchar(16),
    satisfaction varchar(16),
    note         text,
    reopened     boolean     not null,
    closed_by    varchar(16),
    recorded_by  varchar(64),
    recorded_at  timestamptz not null
);
create index follow_up_ticket on follow_up (ticket_id);

-- Full trail of what happened to a ticket (merge, 110 linkage in and out, follow-ups, status changes).
create table ticket_trail (
    id          bigserial primary key,
    ticket_id   uuid        not null,
    action      varchar(32) not null,
    actor       varchar(64),
    reference   varchar(64),
    detail      text,
    at          timestamptz not null
);
create index ticket_trail_ticket on ticket_trail (ticket_id, id);
