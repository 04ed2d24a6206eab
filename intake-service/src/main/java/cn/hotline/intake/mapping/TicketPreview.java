package cn.hotline.intake.mapping;

import java.util.List;

import cn.hotline.intake.domain.TerritoryResult;

/**
 * What creating this ticket would do, computed without storing anything: where it is placed, the flags it would
 * carry and the tickets it may duplicate; {@code callerTicketsInWindow} counts the caller's earlier tickets in the
 * repeat-complainant window.
 */
public record TicketPreview(TerritoryResult territory, List<String> flags, List<DuplicateSuggestion> duplicateSuggestions,
        long callerTicketsInWindow, int repeatThreshold) {
}
