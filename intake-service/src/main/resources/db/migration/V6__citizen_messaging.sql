-- The citizen kept informed: an SMS opt-out chosen at intake (this ticket) or by replying TD/退订 (the number),
-- and the capability links of the progress lookup (only the token's SHA-256 is kept; the token is the credential).
alter table ticket add column sms_opt_out boolean not null default false;

create table sms_opt_out (
    phone_key    varchar(64) primary key,   -- CallerKeys HMAC of the number, never the number itself
    source       varchar(16) not null,      -- SMS_REPLY | INTAKE
    opted_out_at timestamptz not null
);

create table progress_link (
    token_hash varchar(64) primary key,     -- hex SHA-256 of the 128-bit token
    ticket_id  uuid        not null,
    issued_at  timestamptz not null
);
create index progress_link_ticket on progress_link (ticket_id);
