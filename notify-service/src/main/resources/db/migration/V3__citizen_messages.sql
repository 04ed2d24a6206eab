-- SMS to the citizen (the ticket's caller): one row per message to send, written by the ticket.* consumer in its
-- transaction and sent by the worker, which reads the caller's phone from intake at send time (events carry none).
-- message_key (ticket | kind | dispatch) is unique, so a replayed event adds nothing. Claimed like the other shared
-- work (claimed_by, claim_token, claimed_until: database now()).
create table citizen_message (
    id            uuid primary key,
    message_key   varchar(200) not null unique,
    ticket_id     varchar(64)  not null,
    ticket_number varchar(64),
    dispatch_id   varchar(64),
    kind          varchar(16)  not null,
    status        varchar(16)  not null,
    due_at        timestamptz  not null,
    attempts      int          not null default 0,
    outcome       varchar(200),
    created_at    timestamptz  not null,
    claimed_by    varchar(120),
    claim_token   uuid,
    claimed_until timestamptz
);
create index citizen_message_due on citizen_message (due_at) where status = 'PENDING';
