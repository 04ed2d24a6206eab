package cn.hotline.routing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hotline.region.DivisionLevel;
import cn.hotline.region.TerritoryPlacer;
import cn.hotline.region.TerritoryPlacer.Placement;
import cn.hotline.routing.domain.Territory;

/** Places a ticket in routing's territory tree with region-data's one algorithm (the same as intake's). */
@ApplicationScoped
public class TerritoryResolver {

    private final RoutingIndex index;

    public TerritoryResolver(RoutingIndex index) {
        this.index = index;
    }

    public ResolvedTerritory resolve(TerritoryQuery query) {
        OrganisationSnapshot org = index.organisation();
        Placement placement = org.placer().place(new TerritoryPlacer.Query(query.countyCode(), query.townCode(),
                query.villageCode(), query.resolvedBy(), query.lat(), query.lon(), query.address()));
        if (!placement.placed()) {
            return ResolvedTerritory.unresolved();
        }
        List<Territory> path = org.path(placement.path().get(placement.path().size() - 1).code());
        return new ResolvedTerritory(placement.code(DivisionLevel.COUNTY), placement.code(DivisionLevel.TOWN),
                placement.code(DivisionLevel.VILLAGE), placement.resolvedBy(), path);
    }
}
