-- One satisfaction vocabulary with sla-service (ticket-events' Satisfaction): BASIC becomes BASICALLY_SATISFIED.
alter table follow_up alter column satisfaction type varchar(32);
update follow_up set satisfaction = 'BASICALLY_SATISFIED' where satisfaction = 'BASIC';
