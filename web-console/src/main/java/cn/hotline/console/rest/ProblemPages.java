package cn.hotline.console.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.hotline.console.client.ServiceProblem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What a person sees when a service refuses or is away: the service's own status (a 404 stays a 404) with its words,
 * never a bare 500; a service that does not answer is a 503 "try again".
 */
public class ProblemPages {

    @CheckedTemplate(basePath = "ProblemPages")
    static class Templates {
        static native TemplateInstance page(int status, String title, String detail);
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem problem) {
        int status = problem.status() >= 500 ? 502 : problem.status();
        return page(status, problem.title(), problem.getMessage());
    }

    @ServerExceptionMapper
    public Response away(FaultToleranceException failure) {
        return page(503, "服务暂时不可用", "请稍后重试（" + failure.getClass().getSimpleName() + "）");
    }

    private static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(status, title, detail)).build();
    }
}
