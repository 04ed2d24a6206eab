package cn.hotline.support.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.support.outbox.OutboxRelay;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** Lets an administrator see whether this service's events are flowing: rows still waiting for Kafka. */
@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private final OutboxRelay relay;

    public OutboxAdminResource(OutboxRelay relay) {
        this.relay = relay;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Uni<OutboxStatus> status() {
        return relay.pendingCount().map(OutboxStatus::new);
    }

    /** The outbox backlog. */
    public record OutboxStatus(long pending) {
    }
}
