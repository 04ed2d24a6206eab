package cn.hotline.sla.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.mapping.TicketSla;
import cn.hotline.sla.service.TicketSlaService;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** A ticket's stage timers, and pause/resume (挂起, e.g. a hearing) that moves their deadlines. */
@Path("/api/v1/tickets/{ticketId}/sla")
@Produces(MediaType.APPLICATION_JSON)
public class TicketSlaResource {

    private final TicketSlaService service;

    public TicketSlaResource(TicketSlaService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public Uni<TicketSla> get(@PathParam("ticketId") String ticketId) {
        return service.get(ticketId);
    }

    @POST
    @Path("/pause")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    public Uni<TicketSla> pause(@PathParam("ticketId") String ticketId) {
        return service.pause(ticketId);
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    public Uni<TicketSla> resume(@PathParam("ticketId") String ticketId) {
        return service.resume(ticketId);
    }
}
