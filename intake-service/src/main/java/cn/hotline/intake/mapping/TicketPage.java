package cn.hotline.intake.mapping;

import java.util.List;

/** One page of tickets, newest number first; {@code next} is the {@code after} cursor of the next page, null at the end. */
public record TicketPage(List<TicketView> items, String next) {
}
