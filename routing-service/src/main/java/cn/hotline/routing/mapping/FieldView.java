package cn.hotline.routing.mapping;

import java.time.Instant;

/** What a field link opens: the dispatch, whose link it is (lead or assisting part), until when. */
public record FieldView(DispatchView dispatch, String personId, String unitCode, String part, Instant expiresAt) {
}
