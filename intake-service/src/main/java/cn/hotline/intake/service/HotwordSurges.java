package cn.hotline.intake.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.support.redis.RedisConnection;
import cn.hotline.support.vertx.CallerContext;
import io.lettuce.core.ScriptOutputType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Hot-word surge (热词预警): per town and term (a configured keyword found in the content, or the category),
 * hourly Redis sets of ticket ids; the current hour against the same hour on the previous days. One alert
 * per town, term and hour. Counters are disposable: the tickets in PostgreSQL are the truth.
 */
@ApplicationScoped
public class HotwordSurges {

    private static final Logger LOG = Logger.getLogger(HotwordSurges.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

    /**
     * One round trip per term: add the ticket to this hour's set, count it, average the same hour of the
     * baseline days, and claim the once-per-hour alert when count >= minCount and >= factor * max(baseline, 1).
     * KEYS: current bucket, baseline buckets..., alert marker. ARGV: ticket id, bucket TTL, minCount, factor, marker TTL.
     */
    private static final String SCRIPT = "redis.call('SADD', KEYS[1], ARGV[1])\n"
            + "redis.call('EXPIRE', KEYS[1], ARGV[2])\n"
            + "local count = redis.call('SCARD', KEYS[1])\n"
            + "local sum = 0\n"
            + "for i = 2, #KEYS - 1 do sum = sum + redis.call('SCARD', KEYS[i]) end\n"
            + "local baseline = sum / (#KEYS - 2)\n"
            + "local raise = 0\n"
            + "if count >= tonumber(ARGV[3]) and count >= tonumber(ARGV[4]) * math.max(baseline, 1) then\n"
            + "  if redis.call('SET', KEYS[#KEYS], ARGV[1], 'NX', 'EX', ARGV[5]) then raise = 1 end\n"
            + "end\n"
            + "return {count, tostring(baseline), raise}";

    private final RedisConnection redis;
    private final IntakeConfig config;

    public HotwordSurges(RedisConnection redis, IntakeConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /** The Redis key of the hourly bucket (also used by tests to lay down a baseline). */
    public static String bucket(String townCode, String term, Instant at) {
        return "intake:hw:" + townCode + ":" + term + ":" + HOUR.format(at);
    }

    /** Counts the ticket and returns the surges it completes (usually none). Never fails: counters are best effort. */
    public Uni<List<HotwordSurgeAlert>> record(UUID ticketId, String countyCode, String townCode, String categoryCode,
            String content, Instant now) {
        if (townCode == null) {
            return Uni.createFrom().item(List.of());
        }
        List<String[]> terms = new ArrayList<>();
        if (categoryCode != null) {
            terms.add(new String[] {"c:" + categoryCode, null, categoryCode});
        }
        for (String keyword : config.hotword().keywords()) {
            if (content != null && !keyword.isBlank() && content.contains(keyword)) {
                terms.add(new String[] {"w:" + keyword, keyword, categoryCode});
            }
        }
        return Multi.createFrom().iterable(terms)
                .onItem().transformToUniAndMerge(term -> check(ticketId, countyCode, townCode, term, now))
                .collect().asList()
                .map(found -> found.stream().filter(a -> a != null).toList())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("hot-word counters unavailable: %s", failure.toString());
                    return List.of();
                });
    }

    private Uni<HotwordSurgeAlert> check(UUID ticketId, String county, String town, String[] term, Instant now) {
        int days = config.hotword().baselineDays();
        String[] keys = new String[days + 2];
        keys[0] = bucket(town, term[0], now);
        for (int d = 1; d <= days; d++) {
            keys[d] = bucket(town, term[0], now.minus(Duration.ofDays(d)));
        }
        keys[days + 1] = "intake:hw:alerted:" + town + ":" + term[0] + ":" + HOUR.format(now);
        String[] args = {ticketId.toString(), Long.toString(Duration.ofDays(days + 1L).toSeconds()),
                Integer.toString(config.hotword().minCount()), Double.toString(config.hotword().factor()), "7200"};
        return Uni.createFrom().deferred(() -> {
            var commands = redis.get().async();
            return CallerContext.<List<Object>>stage(() -> commands.eval(SCRIPT, ScriptOutputType.MULTI, keys, args));
        }).map(result -> {
            long count = ((Number) result.get(0)).longValue();
            double baseline = Double.parseDouble(String.valueOf(result.get(1)));
            boolean raise = ((Number) result.get(2)).longValue() == 1;
            Instant hour = now.truncatedTo(ChronoUnit.HOURS);
            return raise ? new HotwordSurgeAlert(HotwordSurgeAlert.SCHEMA_VERSION, ticketId.toString(), town, county, term[1],
                    term[2], count, baseline, hour, hour.plus(Duration.ofHours(1)), now) : null;
        });
    }
}
