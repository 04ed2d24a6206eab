package cn.hotline.routing.service;

/** What routing needs from a ticket, whichever event or request it came from. */
public record TicketFacts(String ticketId, String number, String channel, String kind, String urgency,
        String categoryCode, TerritoryQuery place) {
}
