-- The inbox purge deletes by age (InboxPurge); repeatable, so databases already past V0_1 get it too.
create index if not exists processed_event_processed_at on processed_event (processed_at);
