-- Tickets that ended for good (merged into another, transferred out to 110). ticket.* and dispatch.* travel on
-- different topics, so a dispatch event can arrive after the end: its timers must not start.
create table ended_ticket (
    ticket_id varchar(64) primary key,
    reason    varchar(32) not null,
    ended_at  timestamptz not null
);
