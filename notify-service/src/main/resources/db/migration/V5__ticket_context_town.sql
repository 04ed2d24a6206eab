-- The ticket's town (乡镇街道), so a desk kept to a town sees the notification log of its own tickets only.
alter table ticket_context add column town_code varchar(16);
