-- Caller PII sealed at rest (issue 14): name, phone and ID number hold PiiCipher's v1:<keyId>:<base64(iv|ciphertext|tag)>
-- (AES-256-GCM); rows from before this version stay plaintext until the re-seal sweep (PiiReseal) seals them.
-- Equality lookups (caller history, duplicates, repeat callers) go through CallerKeys' HMAC of the normalised value.
alter table ticket alter column caller_name type text,
                   alter column caller_phone type text,
                   alter column caller_id_number type text;
alter table ticket add column caller_phone_hmac varchar(64),
                   add column caller_id_hmac varchar(64);
drop index if exists ticket_caller_phone;
drop index if exists ticket_caller_id;
create index ticket_caller_phone_hmac on ticket (caller_phone_hmac, received_at);
create index ticket_caller_id_hmac on ticket (caller_id_hmac, received_at);
-- Closed tickets still holding caller data, for the retention sweep.
create index ticket_caller_retained on ticket (closed_at)
    where caller_name is not null or caller_phone is not null or caller_id_number is not null;

-- Every read that returned a caller's full phone or ID number (留痕): who, as what, through which endpoint, when.
create table pii_read (
    id          bigserial    primary key,
    ticket_id   uuid         not null,
    fields      varchar(32)  not null,   -- phone,idNumber
    reader      varchar(255) not null,
    reader_role varchar(32)  not null,
    purpose     varchar(64)  not null,   -- the endpoint, e.g. GET /api/v1/tickets/{id}
    read_at     timestamptz  not null
);
create index pii_read_ticket on pii_read (ticket_id, read_at desc);
