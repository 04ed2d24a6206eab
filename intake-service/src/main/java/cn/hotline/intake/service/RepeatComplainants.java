package cn.hotline.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.hotline.events.payload.RepeatComplainantAlert;
import cn.hotline.intake.domain.DuplicateCandidate;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketStatus;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.repository.TicketRepository;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.support.vertx.CallerContext;
import io.lettuce.core.ScriptOutputType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Counts a caller's tickets in the window: a Redis sorted set per pseudonymous phone/ID key (ticket ids
 * scored by time; adding the same id again changes nothing). PostgreSQL stays the truth and answers when
 * Redis does not.
 */
@ApplicationScoped
public class RepeatComplainants {

    private static final Logger LOG = Logger.getLogger(RepeatComplainants.class);

    /** The caller's tickets in the window, this one included. */
    public record Count(int tickets, List<String> ticketIds) {
    }

    /** One round trip: add, drop what left the window, refresh the TTL, list the window. */
    private static final String SCRIPT = "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])\n"
            + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])\n"
            + "redis.call('EXPIRE', KEYS[1], ARGV[4])\n"
            + "return redis.call('ZRANGE', KEYS[1], 0, -1)";

    private final RedisConnection redis;
    private final CallerKeys keys;
    private final IntakeConfig config;
    private final TicketRepository tickets;

    public RepeatComplainants(RedisConnection redis, CallerKeys keys, IntakeConfig config, TicketRepository tickets) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
        this.tickets = tickets;
    }

    public boolean isRepeat(Count count) {
        return count.tickets() >= config.repeat().threshold();
    }

    public int windowDays() {
        return config.repeat().windowDays();
    }

    /** Records {@code ticketId} under the caller's phone and ID number; the larger count wins. */
    public Uni<Count> record(UUID ticketId, String phone, String idNumber, Instant now) {
        Uni<Count> byPhone = phone == null ? Uni.createFrom().item(new Count(1, List.of(ticketId.toString())))
                : record(ticketId, CallerKeys.PHONE, phone, phone, null, now);
        if (idNumber == null) {
            return byPhone;
        }
        return byPhone.flatMap(p -> record(ticketId, CallerKeys.ID_NUMBER, idNumber, null, idNumber, now)
                .map(i -> i.tickets() > p.tickets() ? i : p));
    }

    private Uni<Count> record(UUID ticketId, String kind, String number, String phone, String idNumber, Instant now) {
        String key = "intake:caller:" + keys.of(kind, number);
        String since = Long.toString(now.minus(Duration.ofDays(windowDays())).toEpochMilli());
        String ttl = Long.toString(Duration.ofDays(windowDays() + 1L).toSeconds());
        return Uni.createFrom().deferred(() -> {
                    var commands = redis.get().async();
                    return CallerContext.<List<Object>>stage(() -> commands.eval(SCRIPT, ScriptOutputType.MULTI, new String[] {key},
                            Long.toString(now.toEpochMilli()), ticketId.toString(), since, ttl));
                })
                .map(members -> new Count(members.size(), members.stream().map(String::valueOf).toList()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("repeat-complainant counter unavailable (%s); counting in PostgreSQL", failure.toString());
                    return fromDatabase(ticketId, phone, idNumber, now);
                });
    }

    private Uni<Count> fromDatabase(UUID ticketId, String phone, String idNumber, Instant now) {
        String field = phone != null ? "callerPhoneHmac" : "callerIdHmac";
        String key = phone != null ? keys.phone(phone) : keys.idNumber(idNumber);
        return Panache.withSession(() -> tickets.find(field + " = ?1 and receivedAt >= ?2", key,
                        now.minus(Duration.ofDays(windowDays()))).list())
                .map(found -> {
                    List<String> ids = new ArrayList<>(found.stream().map(t -> t.id.toString()).toList());
                    if (!ids.contains(ticketId.toString())) {
                        ids.add(ticketId.toString());
                    }
                    return new Count(ids.size(), ids);
                });
    }

    /** The alert for {@code ticket}: related tickets are the window's others, or the closed matter raised again. */
    public RepeatComplainantAlert alert(Ticket ticket, String reason, RepeatComplainants.Count repeat,
            List<DuplicateCandidate> candidates, Instant now) {
        List<String> related = "COUNT_IN_WINDOW".equals(reason)
                ? repeat.ticketIds().stream().filter(other -> !other.equals(ticket.id.toString())).toList()
                : candidates.stream().filter(c -> c.status() == TicketStatus.CLOSED).map(c -> c.id().toString()).toList();
        return new RepeatComplainantAlert(RepeatComplainantAlert.SCHEMA_VERSION, ticket.id.toString(), ticket.number,
                ticket.callerPhoneMasked != null ? ticket.callerPhoneMasked : ticket.callerIdMasked, reason,
                repeat.tickets(), windowDays(), related, ticket.territory().toRef(), now);
    }
}
