package cn.hotline.routing.mapping;

import java.time.Instant;

/** A site photo without its bytes. */
public record PhotoInfo(String id, String dispatchId, String personId, String unitCode, String contentType, int width,
        int height, int sizeBytes, Instant createdAt) {

    /** From a row of {@code PhotoRepository.metadataByTicket}: id, dispatch, person, unit, type, size, time. */
    public static PhotoInfo of(Object[] r) {
        return new PhotoInfo(r[0].toString(), r[1].toString(), (String) r[2], (String) r[3], (String) r[4],
                (Integer) r[5], (Integer) r[6], (Integer) r[7], (Instant) r[8]);
    }
}
