package cn.hotline.console.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.console.client.ServiceProblem;
import cn.hotline.console.mapping.CallForm;
import cn.hotline.console.mapping.Views.Category;
import cn.hotline.console.mapping.Views.Ticket;
import cn.hotline.console.service.CategoryNames;
import cn.hotline.console.service.IntakeDesk;
import cn.hotline.console.service.RegionNames;
import cn.hotline.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** 坐席受理: the operator's one form, the caller's history, the look ahead, the idempotent submit and 110 hand-over. */
@Path("/intake")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OPERATOR, Viewer.SUPERVISOR, Viewer.ADMIN})
public class IntakeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Viewer viewer, String key, List<Category> categories);

        static native TemplateInstance history(String phone, List<Ticket> tickets, ServiceProblem problem);

        static native TemplateInstance outlook(IntakeDesk.Outlook outlook, RegionNames regions);

        static native TemplateInstance created(Ticket ticket, ServiceProblem problem, RegionNames regions);
    }

    private final Viewer viewer;
    private final IntakeDesk desk;
    private final CategoryNames categories;
    private final RegionNames regions;

    public IntakeResource(Viewer viewer, IntakeDesk desk, CategoryNames categories, RegionNames regions) {
        this.viewer = viewer;
        this.desk = desk;
        this.categories = categories;
        this.regions = regions;
    }

    /** The form; {@code key} from the address bar keeps a reload on the same Idempotency-Key. */
    @GET
    public Uni<TemplateInstance> page(@QueryParam("key") String key) {
        String idempotencyKey = key != null && key.matches("^call-[0-9a-f-]{36}$") ? key : "call-" + UUID.randomUUID();
        return categories.all(viewer.bearer()).map(list -> Templates.page(viewer, idempotencyKey, list));
    }

    @GET
    @Path("/history")
    public Uni<TemplateInstance> history(@QueryParam("phone") String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
        if (!digits.matches("^(1\\d{10}|0\\d{9,11})$")) {
            return Uni.createFrom().item(Templates.history(digits, null, null));
        }
        return desk.history(viewer.bearer(), digits).map(list -> Templates.history(digits, list, null))
                .onFailure(ServiceProblem.class).recoverWithItem(p -> Templates.history(digits, null, (ServiceProblem) p));
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> preview(@BeanParam CallForm form) {
        return desk.outlook(viewer.bearer(), form).map(o -> Templates.outlook(o, regions));
    }

    /** The submit: the form's own Idempotency-Key makes a double submit, a retry or a reload the same ticket. */
    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> submit(@BeanParam CallForm form) {
        return desk.submit(viewer.bearer(), form).map(t -> Templates.created(t, null, regions))
                .onFailure(ServiceProblem.class).recoverWithItem(p -> Templates.created(null, (ServiceProblem) p, regions));
    }

    /** 并单: the just-registered ticket becomes part of an earlier one. */
    @POST
    @Path("/tickets/{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> merge(@PathParam("id") String id, @FormParam("masterTicketId") String master) {
        return desk.merge(viewer.bearer(), id, master).map(t -> Templates.created(t, null, regions))
                .onFailure(ServiceProblem.class).recoverWithItem(p -> Templates.created(null, (ServiceProblem) p, regions));
    }

    /** 转110: a police matter is handed to 110 and leaves the hotline's flow. */
    @POST
    @Path("/tickets/{id}/transfer-110")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> transfer(@PathParam("id") String id, @FormParam("reason") String reason) {
        return desk.transferTo110(viewer.bearer(), id, reason).map(t -> Templates.created(t, null, regions))
                .onFailure(ServiceProblem.class).recoverWithItem(p -> Templates.created(null, (ServiceProblem) p, regions));
    }
}
