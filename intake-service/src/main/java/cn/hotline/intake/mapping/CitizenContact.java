package cn.hotline.intake.mapping;

import java.util.UUID;

/**
 * What notify needs to text a ticket's caller, read at send time (service role only): the full phone (null when the
 * caller left none) and whether the caller opted out (at intake for this ticket, or the number by replying TD).
 */
public record CitizenContact(UUID ticketId, String number, String status, String phone, boolean optedOut) {
}
