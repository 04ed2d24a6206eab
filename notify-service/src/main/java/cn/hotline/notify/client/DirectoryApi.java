package cn.hotline.notify.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import cn.hotline.notify.domain.Person;

/** routing-service's directory API (CONTRACTS.md): the only place full phone numbers come from. */
@RegisterRestClient(configKey = "routing")
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
public interface DirectoryApi {

    @GET
    @Path("/units/{unitCode}")
    UnitInfo unit(@PathParam("unitCode") String unitCode, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/units/{unitCode}/on-duty")
    List<Person> onDuty(@PathParam("unitCode") String unitCode, @QueryParam("at") String at,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/commanders/on-duty")
    List<Person> commanders(@QueryParam("territoryCode") String territoryCode, @QueryParam("at") String at,
            @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/people/{personId}")
    Person person(@PathParam("personId") String personId, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/people/by-phone/{phone}")
    Person byPhone(@PathParam("phone") String phone, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/supervisors")
    List<Person> supervisors(@QueryParam("territoryCode") String territoryCode,
            @HeaderParam("Authorization") String authorization);

    /** A unit and its leader. */
    record UnitInfo(String unitCode, String unitName, String level, String territoryCode, Person leader) {
    }
}
