-- Working calendars: hours and weekdays, plus the days the holiday notices name.
create table working_calendar (
    name       varchar(64)  primary key,
    zone       varchar(64)  not null,
    periods    varchar(255) not null,
    weekdays   varchar(128) not null,
    -- ISO dates, comma-separated: statutory days off (休) and make-up working days (班)
    days_off   text         not null default '',
    make_up_days text       not null default '',
    updated_at timestamptz  not null,
    version    integer      not null default 0
);

-- SLA policies: match criteria (empty = any) and the stage timers as JSON.
create table sla_policy (
    code              varchar(64)   primary key,
    name              varchar(128)  not null,
    priority          integer       not null default 0,
    urgencies         varchar(255)  not null default '',
    kinds             varchar(255)  not null default '',
    category_prefixes varchar(1000) not null default '',
    channels          varchar(255)  not null default '',
    flags             varchar(255)  not null default '',
    calendar_name     varchar(64)   not null default 'default',
    stages            text          not null,
    version           integer       not null default 0
);

-- Stage timers: the truth. Deadline and warning instants are absolute; next_due_at is what Redis schedules.
create table sla_timer (
    id                varchar(64)  primary key,
    ticket_id         varchar(64)  not null,
    ticket_number     varchar(64),
    dispatch_id       varchar(64),
    unit_code         varchar(64),
    handler_id        varchar(64),
    county_code       varchar(32),
    town_code         varchar(32),
    urgency           varchar(16),
    policy_code       varchar(64)  not null,
    stage             varchar(16)  not null,
    scope             varchar(16)  not null,
    stop_event        varchar(64)  not null,
    calendar_name     varchar(64)  not null,
    mode              varchar(8)   not null,
    duration          varchar(32)  not null,
    extension         varchar(64),
    thresholds        varchar(64)  not null,
    reminder_interval varchar(32),
    max_reminders     integer      not null default 0,
    started_at        timestamptz  not null,
    deadline          timestamptz  not null,
    warning_instants  varchar(1000) not null default '',
    paused_at         timestamptz,
    paused_spans      text         not null default '',
    state             varchar(16)  not null,
    breached          boolean      not null default false,
    breached_at       timestamptz,
    next_index        integer      not null default 0,
    next_due_at       timestamptz,
    stopped_at        timestamptz,
    on_time           boolean,
    warnings_fired    varchar(255) not null default '',
    reminders_fired   integer      not null default 0,
    version           integer      not null default 0,
    created_at        timestamptz  not null default now()
);
create index sla_timer_ticket on sla_timer (ticket_id);
create index sla_timer_dispatch on sla_timer (dispatch_id);
create index sla_timer_due on sla_timer (next_due_at) where next_due_at is not null;

-- Every firing (warning, breach, reminder) once: the event id is deterministic, so a re-fire is a no-op.
create table sla_firing (
    event_id    varchar(200) primary key,
    timer_id    varchar(64)  not null,
    point       varchar(16)  not null,
    due_at      timestamptz  not null,
    fired_at    timestamptz  not null,
    late        boolean      not null,
    instance    varchar(64)
);
create index sla_firing_timer on sla_firing (timer_id);

-- KPI facts, kept from consumed events (never read from another service's database).
create table kpi_dispatch (
    dispatch_id     varchar(64) primary key,
    ticket_id       varchar(64) not null,
    unit_code       varchar(64),
    county_code     varchar(32),
    town_code       varchar(32),
    urgency         varchar(16),
    assigned_at     timestamptz not null,
    sign_deadline   timestamptz,
    signed_at       timestamptz,
    arrive_deadline timestamptz,
    arrived_at      timestamptz,
    returned        boolean     not null default false,
    completed_at    timestamptz,
    breached        boolean     not null default false
);
create table kpi_ticket (
    ticket_id          varchar(64) primary key,
    ticket_number      varchar(64),
    urgency            varchar(16),
    kind               varchar(32),
    channel            varchar(32),
    category_code      varchar(32),
    flags              varchar(255) not null default '',
    unit_code          varchar(64),
    county_code        varchar(32),
    town_code          varchar(32),
    created_at         timestamptz,
    first_assigned_at  timestamptz,
    close_deadline     timestamptz,
    three_day_deadline timestamptz,
    completed_at       timestamptz,
    closed_at          timestamptz,
    resolution         varchar(32),
    satisfaction       varchar(32),
    reopen_count       integer     not null default 0,
    breached           boolean     not null default false
);
