-- Organisation model: territory tree, units, people, duty rosters.
create table territory (
    code        varchar(16) primary key,
    name        varchar(64) not null,
    level       varchar(8)  not null,
    parent_code varchar(16),
    boundary    text
);
create index territory_parent on territory (parent_code);

create table unit (
    code           varchar(48) primary key,
    name           varchar(128) not null,
    kind           varchar(32)  not null,
    level          varchar(8)   not null,
    territory_code varchar(16)  not null,
    phones         text         not null default '',
    leader_id      varchar(64),
    contact_ids    text         not null default ''
);
create index unit_territory on unit (territory_code);

create table person (
    person_id varchar(64) primary key,
    name      varchar(32) not null,
    phone     varchar(20) not null unique,
    unit_code varchar(48) not null,
    role      varchar(16) not null
);
create index person_unit on person (unit_code);

-- A recurring window in the roster's local time; ends < starts means it runs past midnight.
create table duty_window (
    id        bigserial primary key,
    unit_code varchar(48) not null,
    person_id varchar(64) not null,
    days      varchar(32) not null,
    starts    time        not null,
    ends      time        not null
);
create index duty_window_unit on duty_window (unit_code);

-- Jurisdiction catalogue: every change is a new version; past dispatches keep (rule_id, version).
create table routing_rule (
    rule_id        varchar(32) not null,
    version        int         not null,
    category_code  varchar(8)  not null,
    kind           varchar(16),
    urgency        varchar(8),
    territory_code varchar(16) not null,
    lead           varchar(64) not null,
    assisting      text        not null default '',
    priority       int         not null default 100,
    description    text,
    effective_from timestamptz not null,
    effective_to   timestamptz,
    created_at     timestamptz not null,
    primary key (rule_id, version)
);

-- Dispatches and their action log.
create table dispatch (
    id                   uuid primary key,
    ticket_id            varchar(64)  not null,
    ticket_number        varchar(64),
    state                varchar(24)  not null,
    queue                varchar(8)   not null,
    lead_unit_code       varchar(48),
    lead_unit_name       varchar(128),
    assisting            text         not null default '[]',
    handler_id           varchar(64),
    escalation_level     int          not null default 0,
    escalation_reason    text,
    rule_id              varchar(32),
    rule_version         int,
    explanation          text         not null default '[]',
    county_code          varchar(16),
    town_code            varchar(16),
    village_code         varchar(16),
    resolved_by          varchar(16),
    category_code        varchar(8),
    kind                 varchar(16),
    urgency              varchar(8),
    channel              varchar(16),
    address              text,
    lat                  double precision,
    lon                  double precision,
    case_leader_id       varchar(64),
    extension_pending    boolean      not null default false,
    extension_duration   varchar(16),
    extension_reason     text,
    extension_approved   boolean,
    return_reason_code   varchar(32),
    return_note          text,
    review_note          text,
    previous_dispatch_id uuid,
    trigger_event_id     varchar(128),
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null default 0
);
create index dispatch_ticket on dispatch (ticket_id);
create index dispatch_queue on dispatch (queue, state);
-- At most one open dispatch per ticket, whatever replays arrive.
create unique index dispatch_one_open_per_ticket on dispatch (ticket_id)
    where state not in ('COMPLETED', 'REASSIGNED', 'CANCELLED');

create table dispatch_action (
    id               uuid primary key,
    dispatch_id      uuid        not null,
    action           varchar(24) not null,
    actor            varchar(64),
    acting_unit_code varchar(48),
    from_state       varchar(24),
    to_state         varchar(24),
    reason_code      varchar(32),
    note             text,
    lat              double precision,
    lon              double precision,
    at               timestamptz not null
);
create index dispatch_action_dispatch on dispatch_action (dispatch_id);
