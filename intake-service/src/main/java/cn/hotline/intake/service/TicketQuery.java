package cn.hotline.intake.service;

import java.time.Instant;

import cn.hotline.intake.domain.Channel;
import cn.hotline.intake.domain.TicketStatus;

/** Filters and keyset paging of the ticket list ({@code after} = the last number seen). */
public record TicketQuery(TicketStatus status, Channel channel, String territory, String categoryCode, String callerPhone,
        Instant from, Instant to, String after, int limit) {
}
