package cn.hotline.intake.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.intake.mapping.PoliceHandoverPayload;
import io.smallrye.mutiny.Uni;

/** The 110 system's hand-over intake: one hand-over in, its acknowledgement out (a repeat gets the same one). */
@Path("/handovers")
public interface PoliceReceiverApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<PoliceAcknowledgement> handOver(@HeaderParam("Idempotency-Key") String handoverId, PoliceHandoverPayload handover);
}
