package cn.hotline.console.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import cn.hotline.console.mapping.CsvReport;
import cn.hotline.console.service.CategoryNames;
import cn.hotline.console.service.Cockpit;
import cn.hotline.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/** 驾驶舱 and the reports: 每日汇总 (day), 每周研判 (week), 每月通报 (month), as a page, a printable page and CSV. */
@Path("/cockpit")
@RolesAllowed({Viewer.SUPERVISOR, Viewer.DISPATCHER, Viewer.ADMIN})
public class CockpitResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Viewer viewer, Cockpit.View view, CategoryNames categories,
                cn.hotline.console.service.RegionNames regions);

        static native TemplateInstance report(Viewer viewer, Cockpit.View view, CategoryNames categories, String title);
    }

    private final Viewer viewer;
    private final Cockpit cockpit;
    private final CategoryNames categories;
    private final cn.hotline.console.service.RegionNames regions;

    public CockpitResource(Viewer viewer, Cockpit cockpit, CategoryNames categories,
            cn.hotline.console.service.RegionNames regions) {
        this.regions = regions;
        this.viewer = viewer;
        this.cockpit = cockpit;
        this.categories = categories;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@QueryParam("period") String period, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        String bearer = viewer.bearer();
        return categories.all(bearer).flatMap(c -> cockpit.view(bearer, cockpit.window(period, from, to)))
                .map(view -> Templates.page(viewer, view, categories, regions));
    }

    @GET
    @Path("/report")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> report(@QueryParam("period") String period) {
        String bearer = viewer.bearer();
        Cockpit.Window window = cockpit.window(period, null, null);
        return categories.all(bearer).flatMap(c -> cockpit.view(bearer, window))
                .map(view -> Templates.report(viewer, view, categories, title(window.period())));
    }

    @GET
    @Path("/report.csv")
    @Produces("text/csv")
    public Uni<Response> csv(@QueryParam("period") String period) {
        Cockpit.Window window = cockpit.window(period, null, null);
        String file = "hotline-" + window.period() + "-" + window.from().atZone(cn.hotline.console.mapping.Formats.ZONE)
                .toLocalDate() + ".csv";
        return cockpit.view(viewer.bearer(), window).map(view -> Response.ok(CsvReport.of(view), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build());
    }

    private static String title(String period) {
        return switch (period) {
            case "day" -> "每日汇总";
            case "week" -> "每周研判";
            default -> "每月通报";
        };
    }
}
