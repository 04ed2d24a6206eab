package cn.hotline.intake.client;

import java.time.Instant;

/** 110's receipt for a hand-over: its own id for it and when it first received it. */
public record PoliceAcknowledgement(String acknowledgementId, String handoverId, Instant receivedAt) {
}
