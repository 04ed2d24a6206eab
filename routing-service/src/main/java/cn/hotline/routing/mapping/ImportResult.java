package cn.hotline.routing.mapping;

import java.util.List;

/** What an import did: counts, and for the catalogue the rule versions it created. */
public record ImportResult(int created, int updated, int unchanged, List<String> versions) {
}
