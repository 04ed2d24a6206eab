package cn.hotline.sla.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.service.PolicyService;
import cn.hotline.support.problem.ProblemException;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** SLA policies: list, read, create or replace (admin). */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;

    public PolicyResource(PolicyService policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public List<Policy> list() {
        return policies.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN})
    public Policy get(@PathParam("code") String code) {
        return policies.find(code).orElseThrow(() -> ProblemException.notFound("policy " + code));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Policy> put(@PathParam("code") String code, Policy policy) {
        if (policy == null) {
            throw ProblemException.badRequest("body", "a policy is required");
        }
        if (policy.code() != null && !policy.code().equals(code)) {
            throw ProblemException.badRequest("code", "must equal the code in the path");
        }
        Policy changed = new Policy(code, policy.name(), policy.priority(), policy.match(), policy.calendar(), policy.stages());
        return policies.put(changed);
    }
}
