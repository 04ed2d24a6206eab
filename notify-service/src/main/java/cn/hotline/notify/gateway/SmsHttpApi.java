package cn.hotline.notify.gateway;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A cloud SMS API in the template-id + parameters style (Aliyun-like field names). */
@RegisterRestClient(configKey = "sms-http")
@Path("/sms")
public interface SmsHttpApi {

    /** Request: PhoneNumbers, SignName, TemplateCode, TemplateParam (JSON string); answer: Code ("OK"), Message, BizId. */
    @POST
    @Path("/send")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> send(Map<String, Object> request);
}
