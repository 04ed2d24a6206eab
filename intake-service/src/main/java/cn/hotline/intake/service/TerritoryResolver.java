package cn.hotline.intake.service;

import java.util.Optional;

import jakarta.inject.Singleton;

import cn.hotline.intake.domain.TerritoryResult;

/** Places a ticket: lat/lon → county by polygon, address → town/village by names, consistent with each other. */
@Singleton
public class TerritoryResolver {

    public static final String POLYGON = "POLYGON";
    public static final String ADDRESS = "ADDRESS";
    public static final String BOTH = "POLYGON+ADDRESS";

    private final CountyPolygons polygons;
    private final AddressMatcher addresses;

    public TerritoryResolver(CountyPolygons polygons, AddressMatcher addresses) {
        this.polygons = polygons;
        this.addresses = addresses;
    }

    public TerritoryResult resolve(Double lat, Double lon, String address) {
        Optional<String> byPolygon = lat == null || lon == null ? Optional.empty() : polygons.countyAt(lat, lon);
        AddressMatcher.Match match = addresses.match(address, byPolygon.orElse(null));
        if (byPolygon.isPresent()) {
            boolean addressHelped = match.townCode() != null;
            return new TerritoryResult(byPolygon.get(), match.townCode(), match.villageCode(), addressHelped ? BOTH : POLYGON);
        }
        if (match.countyCode() != null) {
            return new TerritoryResult(match.countyCode(), match.townCode(), match.villageCode(), ADDRESS);
        }
        return TerritoryResult.UNRESOLVED;
    }
}
