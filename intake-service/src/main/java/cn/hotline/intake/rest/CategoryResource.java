package cn.hotline.intake.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import cn.hotline.intake.mapping.CategoryImport;
import cn.hotline.intake.mapping.CategoryView;
import cn.hotline.intake.service.CategoryService;
import cn.hotline.support.security.Roles;
import io.smallrye.mutiny.Uni;

/** The category catalogue: list for everyone signed in, import for administrators. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.DISPATCHER, Roles.HANDLER, Roles.SUPERVISOR, Roles.ADMIN})
    public List<CategoryView> list() {
        return categories.list();
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<CategoryView>> importAll(@NotEmpty List<@Valid CategoryImport> entries) {
        return categories.importAll(entries.stream().map(CategoryImport::view).toList());
    }
}
