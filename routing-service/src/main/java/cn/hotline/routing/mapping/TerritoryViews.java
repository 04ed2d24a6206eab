package cn.hotline.routing.mapping;

import java.util.List;

import cn.hotline.routing.domain.Territory;
import cn.hotline.routing.service.OrganisationSnapshot;

/** A territory as the API answers it: without its boundary, with its path and children. */
public final class TerritoryViews {

    private TerritoryViews() {
    }

    /** A territory without its boundary, with its children's codes. */
    public record TerritoryView(String code, String name, String level, String parentCode, boolean hasBoundary,
            List<String> path, List<Child> children) {
    }

    /** A child territory. */
    public record Child(String code, String name, String level) {
    }

    public static TerritoryView view(Territory t, OrganisationSnapshot org) {
        return new TerritoryView(t.code(), t.name(), t.level().code(), t.parentCode(), t.boundary() != null,
                org.path(t.code()).stream().map(Territory::name).toList(),
                org.children(t.code()).stream().map(TerritoryViews::child).toList());
    }

    public static Child child(Territory t) {
        return new Child(t.code(), t.name(), t.level().code());
    }
}
