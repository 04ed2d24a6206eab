package cn.hotline.stack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a chaos run: waits until the suite has settled (no unpublished outbox row, no consumer lag), then
 * checks from each service's own tables, Kafka and the SMSC simulator that nothing was lost or doubled, and
 * prints one table. {@link #failures()} counts the rows that failed.
 */
final class ChaosCheck {

    private static final String ACTIVE_DISPATCH = "('UNASSIGNED','ASSIGNED','SIGNED','ARRIVED','HANDLING','RETURNED')";

    private final ServiceDatabases databases;
    private final String bootstrap;
    private final SuiteSettling settling;
    private final SmsCheck sms;
    private final CheckTable table = new CheckTable();

    ChaosCheck(String pg, String dbPrefix, String bootstrap, String smsc, List<Long> notifyKills) {
        this.databases = new ServiceDatabases(pg, dbPrefix);
        this.bootstrap = bootstrap;
        this.settling = new SuiteSettling(databases, bootstrap);
        this.sms = new SmsCheck(databases, smsc, notifyKills);
    }

    /** True once every ticket and dispatch event is consumed and no backlog is left (twice, 10 s apart) within {@code bound}. */
    boolean settle(Duration bound) throws Exception {
        return settling.settle(bound);
    }

    void check(int total, Map<String, String> accepted) throws Exception {
        Set<String> ids = new HashSet<>(accepted.values());
        table.row("tickets accepted (HTTP 201)", total, accepted.size(), accepted.size() == total);
        table.row("distinct ticket ids among them", accepted.size(), ids.size(), ids.size() == accepted.size());
        String[] idArray = ids.toArray(String[]::new);
        checkTickets(ids, idArray);
        Set<String> assigned = checkDispatches(ids, idArray);
        checkTimers(assigned, idArray);
        sms.check(idArray, table);
    }

    /** Each accepted ticket stored once, under a number of its own, announced by one ticket.created event. */
    private void checkTickets(Set<String> ids, String[] idArray) throws Exception {
        long stored = databases.single("intake", "select count(*) from ticket where id = any(cast(? as uuid[]))", (Object) idArray);
        long numbers = databases.single("intake", "select count(distinct number) from ticket where id = any(cast(? as uuid[]))",
                (Object) idArray);
        table.row("tickets stored (intake), exactly once each", ids.size(), stored, stored == ids.size());
        table.row("distinct ticket numbers", stored, numbers, numbers == stored);

        EventCount created = EventCount.read(bootstrap, "hotline.tickets", "ticket.created", ids);
        long createdOnce = created.perKey().values().stream().filter(n -> n == 1).count();
        table.row("tickets with exactly one ticket.created event", ids.size(), createdOnce, createdOnce == ids.size());
        table.info("  ...records re-published (same event id; consumers dedupe)", created.republished());
    }

    /** Each ticket with exactly one active dispatch; returns the tickets whose dispatch is with a unit. */
    private Set<String> checkDispatches(Set<String> ids, String[] idArray) throws Exception {
        Map<String, Long> active = databases.grouped("routing", "select ticket_id, count(*) filter (where state in "
                + ACTIVE_DISPATCH + ") from dispatch where ticket_id = any(?) group by ticket_id", idArray);
        long exactlyOne = active.values().stream().filter(n -> n == 1).count();
        table.row("tickets with exactly one active dispatch", ids.size(), exactlyOne, exactlyOne == ids.size());
        table.row("tickets with more than one active dispatch", 0, active.values().stream().filter(n -> n > 1).count(),
                active.values().stream().noneMatch(n -> n > 1));
        Set<String> assigned = databases.keys("routing", "select distinct ticket_id from dispatch where ticket_id = any(?)"
                + " and state in " + ACTIVE_DISPATCH + " and state <> 'UNASSIGNED'", idArray);
        table.info("  ...assigned to a unit (rest wait in the manual queue)", assigned.size());
        return assigned;
    }

    /** Timers armed for every assigned ticket, none doubled; firings neither doubled nor missed. */
    private void checkTimers(Set<String> assigned, String[] idArray) throws Exception {
        Set<String> timed = databases.keys("sla", "select distinct ticket_id from sla_timer where ticket_id = any(?)", idArray);
        Set<String> untimed = new HashSet<>(assigned);
        untimed.removeAll(timed);
        table.row("assigned tickets with SLA timers armed", assigned.size(), assigned.size() - untimed.size(), untimed.isEmpty());
        long timers = databases.single("sla", "select count(*) from sla_timer where ticket_id = any(?) and state <> 'CANCELLED'",
                (Object) idArray);
        // Each assisting unit has its own ASSIST_SIGN/ASSIST_REPORT timers on the same dispatch: the unit is part of the key.
        long doubledTimers = databases.single("sla", "select count(*) from (select ticket_id, coalesce(dispatch_id, ''), stage,"
                + " coalesce(unit_code, '') from sla_timer where ticket_id = any(?) and state <> 'CANCELLED'"
                + " group by 1, 2, 3, 4 having count(*) > 1) d", (Object) idArray);
        table.info("  SLA timers (live)", timers);
        table.row("timers doubled (same ticket, dispatch, stage, unit)", 0, doubledTimers, doubledTimers == 0);
        long firings = databases.single("sla", "select count(*) from sla_firing f join sla_timer t on t.id = f.timer_id"
                + " where t.ticket_id = any(?)", (Object) idArray);
        long doubledFirings = databases.single("sla", "select count(*) from (select f.timer_id, f.point from sla_firing f join sla_timer t"
                + " on t.id = f.timer_id where t.ticket_id = any(?) group by 1, 2 having count(*) > 1) d", (Object) idArray);
        long missed = databases.single("sla", "select count(*) from sla_timer where ticket_id = any(?) and state = 'RUNNING'"
                + " and next_due_at < now() - interval '2 minutes'", (Object) idArray);
        table.info("  warnings/breaches/reminders fired", firings);
        table.row("firings doubled (same timer, same point)", 0, doubledFirings, doubledFirings == 0);
        table.row("firings missed (due > 2 min ago, not fired)", 0, missed, missed == 0);
    }

    void print() {
        table.print();
    }

    /** How many rows of the table failed. */
    int failures() {
        return table.failures();
    }

    /** The accepted file ChaosLoad wrote: Idempotency-Key → ticket id, one pair a line. */
    static Map<String, String> readAccepted(Path file) throws Exception {
        Map<String, String> accepted = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                accepted.put(parts[0], parts[1]);
            }
        }
        return accepted;
    }

    /** When chaos.sh killed notify (epoch milliseconds, one a line); none when it never did. */
    static List<Long> readKills(Path file) throws Exception {
        List<Long> kills = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    kills.add(Long.parseLong(line.trim()));
                }
            }
        }
        return kills;
    }
}
