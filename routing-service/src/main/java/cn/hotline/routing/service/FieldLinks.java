package cn.hotline.routing.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.routing.config.RoutingConfig;
import cn.hotline.routing.domain.AssistPart;
import cn.hotline.routing.domain.Dispatch;
import cn.hotline.routing.domain.DispatchState;
import cn.hotline.routing.domain.FieldLink;
import cn.hotline.routing.mapping.FieldLinkBatch;
import cn.hotline.routing.repository.DispatchRepository;
import cn.hotline.routing.repository.FieldLinkRepository;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Capability links for field staff (no password on a phone): 128 random bits, URL-safe, bound to one dispatch and
 * one person of the lead or an assisting unit, expiring and revocable. Only the token's SHA-256 is stored.
 */
@ApplicationScoped
public class FieldLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The {@code reason} member of a 410: why a known link no longer works (the field page says it in words). */
    public static final String EXPIRED = "EXPIRED";
    public static final String REVOKED = "REVOKED";
    public static final String SUPERSEDED = "SUPERSEDED";

    /** A new link's token (shown once) and when it stops working. */
    public record Issued(UUID id, String token, Instant expiresAt, String part) {
    }

    /** A link in use: the link and its dispatch, and the person acting through it. */
    public record Holder(FieldLink link, Dispatch dispatch) {
        public Actor actor() {
            return new Actor(link.personId, Set.of(Roles.HANDLER), link.unitCode);
        }
    }

    private final FieldLinkRepository links;
    private final DispatchRepository dispatches;
    private final RoutingIndex index;
    private final RoutingConfig config;
    private final Clock clock;
    private final DispatchScope scope;

    public FieldLinks(FieldLinkRepository links, DispatchRepository dispatches, RoutingIndex index, RoutingConfig config,
            Clock clock, DispatchScope scope) {
        this.links = links;
        this.dispatches = dispatches;
        this.index = index;
        this.config = config;
        this.clock = clock;
        this.scope = scope;
    }

    /** A link for {@code personId} (of the lead unit, or of an assisting unit) on dispatch {@code dispatchId}. */
    public Uni<Issued> issue(UUID dispatchId, String personId, Actor actor) {
        var person = index.organisation().person(personId)
                .orElseThrow(() -> ProblemException.badRequest("personId", "unknown person " + personId));
        // A desk outside the dispatch's territory issues nothing: the link would let it act there as the handler.
        return Panache.withTransaction(() -> dispatches.findById(dispatchId)
                .map(d -> d != null && scope.sees(actor, d) ? d : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("dispatch " + dispatchId))
                .flatMap(d -> {
                    String part = part(d, person.unitCode());
                    if (part == null) {
                        throw ProblemException.badRequest("personId", personId + " is of " + person.unitCode()
                                + ", neither the lead nor an assisting unit of this dispatch");
                    }
                    String token = newToken();
                    FieldLink link = link(d, personId, person.unitCode(), part, token);
                    return links.persist(link).replaceWith(new Issued(link.id, token, link.expiresAt, part));
                }));
    }

    /**
     * Links for many people at once, in one transaction: the same rules as {@link #issue}, but a link that cannot be
     * issued (unknown person, a dispatch unknown or outside {@code actor}'s territory, a person of neither unit) is
     * answered with its problem instead of failing the others.
     */
    public Uni<List<FieldLinkBatch.Issued>> issueAll(List<FieldLinkBatch.Item> items, Actor actor) {
        List<UUID> ids = items.stream().map(FieldLinkBatch.Item::dispatchId).distinct().toList();
        return Panache.withTransaction(() -> dispatches.list("id in ?1", ids).flatMap(found -> {
            Map<UUID, Dispatch> visible = new HashMap<>();
            found.stream().filter(d -> scope.sees(actor, d)).forEach(d -> visible.put(d.id, d));
            List<FieldLink> fresh = new ArrayList<>();
            List<FieldLinkBatch.Issued> answers = new ArrayList<>();
            for (FieldLinkBatch.Item item : items) {
                String personId = item.personId().strip();
                var person = index.organisation().person(personId);
                Dispatch d = visible.get(item.dispatchId());
                String part = person.isEmpty() || d == null ? null : part(d, person.get().unitCode());
                if (part == null) {
                    String problem = person.isEmpty() ? "unknown person " + personId
                            : d == null ? "no dispatch " + item.dispatchId()
                            : personId + " is of " + person.get().unitCode() + ", neither the lead nor an assisting unit";
                    answers.add(new FieldLinkBatch.Issued(item.dispatchId(), personId, null, null, null, null, problem));
                    continue;
                }
                String token = newToken();
                FieldLink link = link(d, personId, person.get().unitCode(), part, token);
                fresh.add(link);
                answers.add(new FieldLinkBatch.Issued(item.dispatchId(), personId, link.id, token, link.expiresAt, part, null));
            }
            return links.persist(fresh).replaceWith(answers);
        }));
    }

    private static String part(Dispatch d, String unitCode) {
        return unitCode.equals(d.leadUnitCode) ? FieldLink.LEAD : d.hasAssisting(unitCode) ? FieldLink.ASSIST : null;
    }

    private static String newToken() {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private FieldLink link(Dispatch d, String personId, String unitCode, String part, String token) {
        Instant now = clock.instant();
        FieldLink link = new FieldLink();
        link.id = UUID.randomUUID();
        link.tokenHash = hash(token);
        link.dispatchId = d.id;
        link.personId = personId;
        link.unitCode = unitCode;
        link.part = part;
        link.createdAt = now;
        link.expiresAt = now.plus(config.fieldLinks().lifetime());
        return link;
    }

    /** The link of {@code token} if it may be used now: else 404 (unknown) or 410 (expired, revoked, dispatch no longer open to it). */
    public Uni<Holder> resolve(String token) {
        if (token == null || !token.matches("^[A-Za-z0-9_-]{22}$")) {
            return Uni.createFrom().failure(ProblemException.notFound("link"));
        }
        Instant now = clock.instant();
        return Panache.withSession(() -> links.byTokenHash(hash(token)).flatMap(link -> {
            if (link == null) {
                throw ProblemException.notFound("link");
            }
            if (link.revokedAt != null) {
                throw gone(REVOKED, "this link was revoked");
            }
            if (!link.usableAt(now)) {
                throw gone(EXPIRED, "this link expired at " + link.expiresAt);
            }
            return dispatches.findById(link.dispatchId).map(d -> {
                // A reassigned or cancelled dispatch is no longer the holder's work: the link must not act on it.
                if (d.state() == DispatchState.REASSIGNED || d.state() == DispatchState.CANCELLED
                        || FieldLink.ASSIST.equals(link.part) && d.assistPart(link.unitCode)
                                .map(part -> AssistPart.RELEASED.equals(part.status())).orElse(true)) {
                    throw gone(SUPERSEDED, "dispatch " + d.id + " is " + d.state() + "; this link no longer applies");
                }
                return new Holder(link, d);
            });
        }));
    }

    /** Counts a use of the link (who used it when is also in the dispatch's history). */
    public Uni<Void> used(FieldLink link) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> links.update("lastUsedAt = ?1, uses = uses + 1 where id = ?2", now, link.id))
                .replaceWithVoid();
    }

    /** Revokes an active link of a dispatch {@code actor} may see; false when there is none such. */
    public Uni<Boolean> revoke(UUID id, Actor actor) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> links.findById(id)
                .flatMap(link -> link == null ? Uni.createFrom().<Dispatch>nullItem() : dispatches.findById(link.dispatchId))
                .flatMap(d -> d == null || !scope.sees(actor, d) ? Uni.createFrom().item(0)
                        : links.update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, id)))
                .map(n -> n > 0);
    }

    private static ProblemException gone(String reason, String detail) {
        return new ProblemException(new Problem("about:blank", "Gone", 410, detail, null, List.of(), Map.of("reason", reason)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
