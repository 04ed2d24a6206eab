-- Leases for work several replicas share: a row is claimed (claimed_by, claim_token, claimed_until) with an atomic
-- UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING id; an expired lease (a crashed or stuck
-- replica) makes the row claimable again. Lease times are the database's now(), the one clock all replicas share.
alter table scheduled_level
    add column claimed_by    varchar(120),
    add column claim_token   uuid,
    add column claimed_until timestamptz;

alter table notification
    add column claimed_by    varchar(120),
    add column claim_token   uuid,
    add column claimed_until timestamptz;
-- PENDING rows from before leases existed are claimable at once.
update notification set claimed_until = now() where status = 'PENDING';
create index notification_stale_claim on notification (claimed_until) where status = 'PENDING';

alter table inbound_sms
    add column claimed_by    varchar(120),
    add column claim_token   uuid,
    add column claimed_until timestamptz;
