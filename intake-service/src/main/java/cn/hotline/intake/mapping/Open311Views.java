package cn.hotline.intake.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** GeoReport v2 documents, field names exactly as the spec spells them. */
public final class Open311Views {

    private Open311Views() {
    }

    /** An entry of services.json. */
    public record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
            String description, boolean metadata, String type, String keywords, String group) {
    }

    /** services/{code}.json: a service without extra attributes. */
    public record Definition(@JsonProperty("service_code") String serviceCode, java.util.List<Object> attributes) {
    }

    /** The answer to a POST requests.json. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Created(@JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
    }

    /** A service request as requests.json and requests/{id}.json show it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
            @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode, String description,
            @JsonProperty("agency_responsible") String agencyResponsible, @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") String requestedDatetime, @JsonProperty("updated_datetime") String updatedDatetime,
            @JsonProperty("expected_datetime") String expectedDatetime, String address, @JsonProperty("address_id") String addressId,
            String zipcode, Double lat, @JsonProperty("long") Double lon, @JsonProperty("media_url") String mediaUrl) {
    }

    /** A GeoReport error: {@code [{"code":403,"description":"..."}]}. */
    public record Error(int code, String description) {
    }
}
