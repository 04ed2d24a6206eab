-- Dated roster entries on top of the weekly pattern (duty_window): for one person, unit and local date either a
-- SHIFT (starts–ends, ends <= starts runs past midnight) or an OFF (the weekly duty of that date removed). Any
-- dated entry for a person and date replaces that person's weekly duty on that date.
create table duty_entry (
    id          bigserial primary key,
    unit_code   varchar(48) not null,
    person_id   varchar(64) not null,
    duty_date   date        not null,
    kind        varchar(8)  not null,
    starts      time,
    ends        time,
    roster_name varchar(64),
    note        text,
    swap_id     uuid,
    created_by  varchar(64) not null,
    created_at  timestamptz not null,
    check ((kind = 'SHIFT' and starts is not null and ends is not null) or (kind = 'OFF' and starts is null))
);
create index duty_entry_person_day on duty_entry (unit_code, person_id, duty_date);

-- Swaps (换班) as recorded: who gave whose duty of which date to whom, who recorded it, when and why.
create table duty_swap (
    id             uuid primary key,
    unit_code      varchar(48) not null,
    duty_date      date        not null,
    from_person_id varchar(64) not null,
    to_person_id   varchar(64) not null,
    reason         text        not null,
    requested_by   varchar(64),
    recorded_by    varchar(64) not null,
    recorded_at    timestamptz not null,
    moved          text        not null
);
create index duty_swap_unit_date on duty_swap (unit_code, duty_date);

-- Handler assignment reads, per person on duty, their open dispatches and their latest dispatch (least open
-- work, ties to whoever was given work longest ago) and a unit's latest handler (round robin).
create index dispatch_open_by_handler on dispatch (handler_id)
    where state not in ('COMPLETED', 'REASSIGNED', 'CANCELLED');
create index dispatch_handler_seq on dispatch (handler_id, seq);
create index dispatch_lead_unit_seq on dispatch (lead_unit_code, seq);
