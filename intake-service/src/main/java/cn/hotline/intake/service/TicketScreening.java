package cn.hotline.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.events.EventTypes;
import cn.hotline.events.payload.HotwordSurgeAlert;
import cn.hotline.intake.domain.DuplicateCandidate;
import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.intake.domain.Ticket;
import cn.hotline.intake.domain.TicketFlag;
import cn.hotline.intake.mapping.DuplicateSuggestion;
import io.smallrye.mutiny.Uni;

/**
 * What a new ticket's caller history, duplicates and hot words say: counted before its transaction, turned into
 * flags inside it, and announced as alerts with it.
 */
@ApplicationScoped
public class TicketScreening {

    /** The counters a new ticket moved, before its transaction. */
    public record Signals(RepeatComplainants.Count repeat, List<HotwordSurgeAlert> surges) {
    }

    /** The verdict on a new ticket: its duplicate suggestions and why it is a repeat complaint (null: it is not). */
    public record Verdict(Signals signals, List<DuplicateCandidate> candidates, List<DuplicateSuggestion> suggestions, String repeatReason) {
    }

    private final RepeatComplainants repeats;
    private final HotwordSurges hotwords;
    private final DuplicateFinder duplicates;
    private final TicketEvents events;

    public TicketScreening(RepeatComplainants repeats, HotwordSurges hotwords, DuplicateFinder duplicates, TicketEvents events) {
        this.repeats = repeats;
        this.hotwords = hotwords;
        this.duplicates = duplicates;
        this.events = events;
    }

    /** Counts the caller's tickets and the draft's hot words (outside any transaction: the counters are in Redis). */
    public Uni<Signals> count(UUID id, TicketDraft draft, TerritoryResult territory, Instant now) {
        return Uni.combine().all()
                .unis(repeats.record(id, draft.callerPhone(), draft.callerIdNumber(), now),
                        hotwords.record(id, territory.countyCode(), territory.townCode(), draft.categoryCode(), draft.content(), now))
                .asTuple()
                .map(counts -> new Signals(counts.getItem1(), counts.getItem2()));
    }

    /** Finds the duplicates of {@code ticket} and flags it (possible duplicate, repeat complainant); in the caller's session. */
    public Uni<Verdict> screen(Ticket ticket, Signals signals, Instant now) {
        return duplicates.candidates(ticket, now).map(candidates -> {
            List<DuplicateSuggestion> suggestions = duplicates.suggestions(ticket, candidates);
            String repeatReason = repeats.isRepeat(signals.repeat()) ? "COUNT_IN_WINDOW"
                    : duplicates.closedMatterRaisedAgain(ticket, candidates) ? "CLOSED_MATTER_RAISED_AGAIN" : null;
            if (!suggestions.isEmpty()) {
                ticket.addFlag(TicketFlag.POSSIBLE_DUPLICATE);
            }
            if (repeatReason != null) {
                ticket.addFlag(TicketFlag.REPEAT_COMPLAINANT);
            }
            return new Verdict(signals, candidates, suggestions, repeatReason);
        });
    }

    /** The repeat-complainant and hot-word alerts of the numbered {@code ticket}; runs inside the caller's transaction. */
    public Uni<Void> announce(Ticket ticket, Verdict verdict, Instant now) {
        Uni<Void> repeat = verdict.repeatReason() == null ? Uni.createFrom().voidItem()
                : events.alert(EventTypes.ALERT_REPEAT_COMPLAINANT, ticket.id,
                        repeats.alert(ticket, verdict.repeatReason(), verdict.signals().repeat(), verdict.candidates(), now));
        return repeat.flatMap(ignored -> events.surges(verdict.signals().surges()));
    }
}
