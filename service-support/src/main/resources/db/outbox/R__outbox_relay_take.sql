-- The outbox relay's first round trip of a run: the advisory lock and, when this call got it, the first batch of
-- unpublished rows; one row with held = false when another replica holds the lock, one row of nulls with held = true
-- when nothing is pending. A function, so the read takes its snapshot AFTER the lock: a single statement's snapshot
-- is taken when it starts, before a lock it takes, and could still show rows the lock's previous holder marked and
-- committed just before letting go — which would publish them twice. Repeatable, so every database gets it.
create or replace function outbox_relay_take(lock_key bigint, batch int)
returns table (held boolean, seq bigint, id varchar, topic varchar, record_key varchar, type varchar, source varchar,
               subject varchar, occurred_at timestamptz, payload text)
language plpgsql volatile as $$
#variable_conflict use_column
begin
    if not pg_try_advisory_lock(lock_key) then
        return query select false, null::bigint, null::varchar, null::varchar, null::varchar, null::varchar,
            null::varchar, null::varchar, null::timestamptz, null::text;
        return;
    end if;
    return query select true, e.seq, e.id, e.topic, e.record_key, e.type, e.source, e.subject, e.occurred_at, e.payload
        from outbox_event e where e.published_at is null order by e.seq limit batch;
    if not found then
        return query select true, null::bigint, null::varchar, null::varchar, null::varchar, null::varchar,
            null::varchar, null::varchar, null::timestamptz, null::text;
    end if;
end $$;
