package cn.hotline.console.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** The region's county boundaries (region-data) for the maps: drawn by Leaflet with no tile server. */
@Path("/region")
@PermitAll
public class RegionResource {

    private final byte[] counties;

    public RegionResource() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hotline/region/huzhou-counties.geojson")) {
            if (in == null) {
                throw new IllegalStateException("huzhou-counties.geojson is not on the classpath (region-data)");
            }
            this.counties = in.readAllBytes();
        }
    }

    @GET
    @Path("/counties.geojson")
    @Produces("application/geo+json")
    public Response counties() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(counties).cacheControl(cache).build();
    }
}
