-- Hand-overs to 110 (12345–110 linkage, outbound): a row is written in the transfer-out's own transaction and
-- delivered by PoliceHandoverWorker until 110 acknowledges; id is the idempotency key 110 deduplicates by.
-- payload is exactly what 110 is sent (it carries the caller's phone in full, like the ticket row; never an event).
create table police_handover (
    id                 uuid primary key,
    ticket_id          uuid         not null unique,
    ticket_number      varchar(16)  not null,
    status             varchar(16)  not null,
    payload            text         not null,
    attempts           int          not null default 0,
    next_attempt_at    timestamptz  not null,
    last_attempt_at    timestamptz,
    last_error         text,
    claim_token        uuid,
    claimed_until      timestamptz,
    acknowledgement_id varchar(128),
    acknowledged_at    timestamptz,
    created_at         timestamptz  not null
);
create index police_handover_due on police_handover (next_attempt_at) where status = 'PENDING';
create index police_handover_status on police_handover (status, created_at);

-- 110's acknowledgement id goes into the trail's reference.
alter table ticket_trail alter column reference type varchar(128);
