-- Hot-word surges (热词预警) as they were raised, for the cockpit and the reports (the alert itself goes out as an event).
create table hotword_surge (
    id            bigserial primary key,
    ticket_id     uuid         not null,
    county_code   varchar(12),
    town_code     varchar(12),
    keyword       varchar(64),
    category_code varchar(16),
    hits          bigint       not null,
    baseline      double precision not null,
    window_start  timestamptz  not null,
    window_end    timestamptz  not null,
    raised_at     timestamptz  not null
);
create index hotword_surge_raised on hotword_surge (raised_at);
