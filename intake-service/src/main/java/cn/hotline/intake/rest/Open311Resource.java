package cn.hotline.intake.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.hotline.intake.mapping.Open311Submission;
import cn.hotline.intake.mapping.Open311Views;
import cn.hotline.intake.mapping.Patterns;
import cn.hotline.intake.service.Open311Service;
import cn.hotline.support.problem.Problem;
import cn.hotline.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** Open311 GeoReport v2 (public; POST needs an api_key); errors as the spec's {@code [{"code","description"}]}. */
@Path("/open311/v2")
public class Open311Resource {

    private static final Duration DEFAULT_RANGE = Duration.ofDays(90);
    private final Open311Service open311;

    public Open311Resource(Open311Service open311) {
        this.open311 = open311;
    }

    @GET
    @Path("/services.json")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Open311Views.Service> services() {
        return open311.services();
    }

    @GET
    @Path("/services.xml")
    @Produces(MediaType.APPLICATION_XML)
    public String servicesXml() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services>" + open311.services().stream()
                .map(s -> "<service><service_code>" + xml(s.serviceCode()) + "</service_code><service_name>" + xml(s.serviceName())
                        + "</service_name><description>" + xml(s.description()) + "</description><metadata>false</metadata>"
                        + "<type>realtime</type><keywords>" + xml(s.keywords()) + "</keywords><group>" + xml(s.group())
                        + "</group></service>")
                .collect(Collectors.joining()) + "</services>";
    }

    @GET
    @Path("/services/{code}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response service(@PathParam("code") String code) {
        if (!open311.serviceExists(code)) {
            return error(404, "service_code " + code + " not found");
        }
        return Response.ok(new Open311Views.Definition(code, List.of())).build();
    }

    @POST
    @Path("/requests.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@FormParam("api_key") String apiKey, @FormParam("service_code") String serviceCode,
            @FormParam("lat") String lat, @FormParam("long") String lon, @FormParam("address_string") String address,
            @FormParam("description") String description, @FormParam("email") String email,
            @FormParam("first_name") String firstName, @FormParam("last_name") String lastName,
            @FormParam("phone") String phone, @FormParam("media_url") String mediaUrl) {
        if (!open311.validKey(apiKey)) {
            return Uni.createFrom().item(error(403, "api_key is missing or not valid"));
        }
        String invalid = Open311Validation.invalid(open311::serviceExists, serviceCode, lat, lon, address, description, phone, firstName, lastName, mediaUrl);
        if (invalid != null) {
            return Uni.createFrom().item(error(400, invalid));
        }
        Open311Submission submission = new Open311Submission(apiKey, serviceCode, Open311Validation.number(lat),
                Open311Validation.number(lon), address, description, email, firstName, lastName, phone, mediaUrl);
        return Uni.createFrom().deferred(() -> open311.create(submission))
                .map(number -> Response.ok(List.of(new Open311Views.Created(number, "已受理，可凭编号查询进度", null))).build())
                .onFailure(ProblemException.class).recoverWithItem(e -> fromProblem(((ProblemException) e).problem()));
    }

    @GET
    @Path("/requests.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> requests(@QueryParam("service_request_id") String ids, @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate, @QueryParam("status") String status) {
        Instant end;
        Instant start;
        try {
            end = blank(endDate) ? open311.now() : OffsetDateTime.parse(endDate).toInstant();
            start = blank(startDate) ? end.minus(DEFAULT_RANGE) : OffsetDateTime.parse(startDate).toInstant();
        } catch (DateTimeParseException e) {
            return Uni.createFrom().item(error(400, "start_date and end_date must be W3C date-times, e.g. 2026-11-21T08:00:00+08:00"));
        }
        // The spec allows a comma-delimited list; open and closed together is every status.
        List<String> statuses = blank(status) ? List.of() : Arrays.stream(status.split(",")).map(String::strip).distinct().toList();
        if (!List.of("open", "closed").containsAll(statuses)) {
            return Uni.createFrom().item(error(400, "status must be open, closed, or both comma-delimited"));
        }
        List<String> idList = blank(ids) ? List.of() : Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return open311.find(idList, blank(serviceCode) ? null : serviceCode, start, end, statuses.size() == 1 ? statuses.get(0) : null)
                .map(found -> Response.ok(found).build());
    }

    @GET
    @Path("/requests/{id}.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> request(@PathParam("id") String id) {
        return open311.find(List.of(id), null, null, null, null)
                .map(found -> found.isEmpty() ? error(404, "service_request_id " + id + " not found") : Response.ok(found).build());
    }

    private static boolean blank(String value) {
        return Open311Validation.blank(value);
    }

    private static Response fromProblem(Problem problem) {
        String detail = problem.errors().isEmpty() ? problem.detail()
                : problem.errors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return error(problem.status(), detail);
    }

    static Response error(int code, String description) {
        return Response.status(code).type(MediaType.APPLICATION_JSON).entity(List.of(new Open311Views.Error(code, description))).build();
    }

    private static String xml(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
