-- The relay is woken in-process after each commit that wrote an event (OutboxWriter) and polls for the rest.
-- The NOTIFY trigger of V0_1 is dropped: every committing transaction that notifies takes PostgreSQL's one
-- notification-queue lock, which serialises those commits. Repeatable, so databases already past V0_1 lose it too.
drop trigger if exists outbox_event_inserted on outbox_event;
drop function if exists outbox_event_notify();
