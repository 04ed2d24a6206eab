-- Escalation chains: per policy and stage, ordered levels; '*' matches any policy or stage.
create table escalation_level (
    id                bigserial primary key,
    policy_code       varchar(40)  not null,
    stage             varchar(40)  not null,
    level             int          not null,
    trigger_type      varchar(40)  not null,
    threshold_percent int,
    delay_seconds     bigint       not null default 0,
    recipients        varchar(200) not null,
    template_code     varchar(60)  not null,
    version           int          not null default 0,
    unique (policy_code, stage, level)
);

-- What notify knows of a ticket's current dispatch, from dispatch.* events (for templates and recipients).
create table ticket_context (
    ticket_id      varchar(64) primary key,
    ticket_number  varchar(64),
    dispatch_id    varchar(64),
    category_code  varchar(32),
    address        varchar(500),
    county_code    varchar(16),
    unit_code      varchar(64),
    unit_name      varchar(200),
    handler_id     varchar(64),
    case_leader_id varchar(64),
    urgency        varchar(16),
    state          varchar(32),
    updated_at     timestamptz not null,
    version        int not null default 0
);

-- A level waiting for its due instant (delay after its trigger); unique per trigger so replays add nothing.
create table scheduled_level (
    id           uuid primary key,
    trigger_key  varchar(400) not null unique,
    scope        varchar(64)  not null,
    ticket_id    varchar(64)  not null,
    stage        varchar(40)  not null,
    level        int          not null,
    level_id     bigint       not null,
    due_at       timestamptz  not null,
    status       varchar(16)  not null,
    context      text         not null,
    created_at   timestamptz  not null
);
create index scheduled_level_due on scheduled_level (due_at) where status = 'PENDING';
create index scheduled_level_scope on scheduled_level (scope, stage) where status = 'PENDING';

-- A stage that was met (or acknowledged): no later level of it fires.
create table escalation_stop (
    scope      varchar(64) not null,
    stage      varchar(40) not null,
    reason     varchar(60) not null,
    stopped_at timestamptz not null,
    primary key (scope, stage)
);

-- One row per SMS to one person, claimed by its dedup key BEFORE the send.
create table notification (
    id              uuid primary key,
    dedup_key       varchar(400) not null unique,
    ticket_id       varchar(64),
    dispatch_id     varchar(64),
    scope           varchar(64),
    stage           varchar(40),
    level           int          not null,
    recipient_id    varchar(64),
    recipient_role  varchar(32),
    recipient_phone varchar(32)  not null,
    template_code   varchar(60)  not null,
    params          text,
    text            text         not null,
    encoding        varchar(8)   not null,
    length          int          not null,
    segments        int          not null,
    urgent          boolean      not null,
    reply_code      varchar(10),
    gateway         varchar(16),
    message_id      varchar(80),
    status          varchar(16)  not null,
    error           varchar(500),
    attempts        int          not null default 0,
    next_attempt_at timestamptz,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    delivered_at    timestamptz,
    version         int          not null default 0
);
create index notification_ticket on notification (ticket_id, created_at);
create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'DEFERRED');
create index notification_recipient on notification (recipient_id, created_at);
create index notification_reply on notification (reply_code);

-- Every SMPP part's message id, so a receipt for any part finds its notification.
create table message_part (
    message_id      varchar(80) primary key,
    notification_id uuid not null references notification (id)
);

-- Mobile-originated messages, stored on arrival (before deliver_sm_resp) and processed by the worker.
create table inbound_sms (
    id          uuid primary key,
    from_phone  varchar(32)  not null,
    text        varchar(500) not null,
    received_at timestamptz  not null,
    status      varchar(16)  not null,
    outcome     varchar(200)
);
create index inbound_sms_received on inbound_sms (received_at) where status = 'RECEIVED';

-- Delivery receipts as they arrive (possibly before the send's result is recorded); the worker applies them.
create table sms_receipt (
    message_id  varchar(80) primary key,
    state       varchar(16) not null,
    done_at     timestamptz,
    received_at timestamptz not null,
    applied     boolean     not null default false
);
create index sms_receipt_unapplied on sms_receipt (received_at) where not applied;
