-- Transactional outbox: one row per event, written in the same transaction as the change it reports.
create table outbox_event (
    seq          bigserial primary key,
    id           varchar(128) not null unique,
    topic        varchar(128) not null,
    record_key   varchar(128),
    type         varchar(64)  not null,
    source       varchar(128) not null,
    subject      varchar(128),
    occurred_at  timestamptz  not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- NOTIFY is delivered at commit only, so a relay woken by it always sees the committed rows.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('hotline_outbox', '');
    return null;
end $$;
create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- Idempotent consumers: an event id is applied at most once per consumer, checked in the consumer's transaction.
create table processed_event (
    event_id     varchar(128) not null,
    consumer     varchar(64)  not null,
    event_type   varchar(64)  not null,
    processed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);
