-- Creation order for listings: several rows can share one instant (same transaction, or a test clock).
alter table dispatch add column seq bigserial;
alter table dispatch_action add column seq bigserial;
