package cn.hotline.intake.service;

import jakarta.inject.Singleton;

import cn.hotline.intake.config.IntakeConfig;
import cn.hotline.intake.domain.TerritoryResult;
import cn.hotline.region.Boundaries;
import cn.hotline.region.DivisionLevel;
import cn.hotline.region.DivisionTree;
import cn.hotline.region.TerritoryPlacer;
import cn.hotline.region.TerritoryPlacer.Placement;

/** Places a ticket with region-data's one algorithm, over the region's division names and county boundaries. */
@Singleton
public class TerritoryResolver {

    private final TerritoryPlacer placer;

    public TerritoryResolver(IntakeConfig config) {
        this.placer = new TerritoryPlacer(DivisionTree.fromCsv(config.region().divisionsCsv()),
                Boundaries.fromFeatureCollection(config.region().countiesGeojson()));
    }

    public TerritoryResult resolve(Double lat, Double lon, String address) {
        Placement placement = placer.place(TerritoryPlacer.Query.of(lat, lon, address));
        if (placement.code(DivisionLevel.COUNTY) == null) {
            return TerritoryResult.UNRESOLVED;
        }
        return new TerritoryResult(placement.code(DivisionLevel.COUNTY), placement.code(DivisionLevel.TOWN),
                placement.code(DivisionLevel.VILLAGE), placement.resolvedBy());
    }
}
