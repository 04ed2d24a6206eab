package cn.hotline.routing.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Field links issued at once (notify: the dispatch SMS of one reminder-ladder batch), and what became of each. */
public final class FieldLinkBatch {

    /** Up to 100 links to issue. */
    public record Request(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Item> links) {
    }

    /** One link: a person of the lead or an assisting unit of the dispatch. */
    public record Item(@NotNull UUID dispatchId, @NotBlank String personId) {
    }

    /** The answers, in the asked order. */
    public record Answer(List<Issued> links) {
    }

    /** A link's token (shown once) and expiry, or why none was issued ({@code problem}; token null). */
    public record Issued(UUID dispatchId, String personId, UUID id, String token, Instant expiresAt, String part,
            String problem) {
    }

    private FieldLinkBatch() {
    }
}
