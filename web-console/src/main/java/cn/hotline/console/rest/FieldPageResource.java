package cn.hotline.console.rest;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.service.CategoryNames;
import cn.hotline.console.service.FieldDesk;
import cn.hotline.console.service.RegionNames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * 处置端: the page a field worker opens from the dispatch SMS, on a phone, without a password. The link's token is
 * the credential; every button acts as the person the link was issued to.
 */
@Path("/m/{token}")
@PermitAll
public class FieldPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(FieldDesk.Task task, RegionNames regions, CategoryNames categories,
                ServiceProblem problem);

        static native TemplateInstance refused(int status, String reason);
    }

    private final FieldDesk desk;
    private final RegionNames regions;
    private final CategoryNames categories;

    public FieldPageResource(FieldDesk desk, RegionNames regions, CategoryNames categories) {
        this.desk = desk;
        this.regions = regions;
        this.categories = categories;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> page(@PathParam("token") String token) {
        return render(token, null, 200);
    }

    /** A button: the action, then back to the page (POST-redirect-GET, so a reload never repeats it). */
    @POST
    @Path("/act/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> act(@PathParam("token") String token, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return desk.act(token, action, fields)
                .map(done -> Response.seeOther(URI.create("/m/" + token + "?done=" + action)).build())
                .onFailure(ServiceProblem.class).recoverWithUni(p -> {
                    ServiceProblem problem = (ServiceProblem) p;
                    if (problem.status() == 404 || problem.status() == 410) {
                        return Uni.createFrom().item(Response.status(problem.status())
                                .entity(Templates.refused(problem.status(), problem.reason())).type(MediaType.TEXT_HTML).build());
                    }
                    return render(token, problem, 200);
                });
    }

    /** One photo, already resized by the page (routing checks type, size and sides). */
    @POST
    @Path("/photos")
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> photo(@PathParam("token") String token, byte[] bytes) {
        return desk.photo(token, bytes).map(info -> Response.status(201).entity(info).build())
                .onFailure(ServiceProblem.class).recoverWithItem(p -> {
                    ServiceProblem problem = (ServiceProblem) p;
                    return Response.status(problem.status()).type("application/problem+json")
                            .entity(Map.of("title", problem.title(), "detail", problem.getMessage(), "status", problem.status()))
                            .build();
                });
    }

    private Uni<Response> render(String token, ServiceProblem problem, int status) {
        return desk.task(token)
                .map(task -> Response.status(status).entity(Templates.page(task, regions, categories, problem))
                        // Referrer-Policy is the console's same-origin (application.properties): the token never leaves
                        // in a Referer, and the page's own form posts keep their Origin (no-referrer makes it "null").
                        .type(MediaType.TEXT_HTML).header("Cache-Control", "no-store").build())
                .onFailure(ServiceProblem.class).recoverWithItem(p -> {
                    ServiceProblem gone = (ServiceProblem) p;
                    int refused = gone.status() == 410 ? 410 : 404;
                    return Response.status(refused).entity(Templates.refused(refused, gone.reason())).type(MediaType.TEXT_HTML)
                            .build();
                });
    }
}
