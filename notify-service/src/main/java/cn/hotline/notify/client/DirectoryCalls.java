package cn.hotline.notify.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.hotline.notify.domain.Person;

/**
 * The live calls to routing's directory behind timeout, retry with backoff and a circuit breaker (values from
 * config); each answer is remembered in Redis. "Not found" is an answer, not a failure.
 */
@ApplicationScoped
@Timeout(2000)
@Retry(maxRetries = 2, delay = 200, jitter = 100)
@CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000)
public class DirectoryCalls {

    private final DirectoryApi api;
    private final ServiceIdentity identity;
    private final DirectorySnapshots snapshots;

    public DirectoryCalls(@RestClient DirectoryApi api, ServiceIdentity identity, DirectorySnapshots snapshots) {
        this.api = api;
        this.identity = identity;
        this.snapshots = snapshots;
    }

    public Optional<DirectoryApi.UnitInfo> unit(String unitCode) {
        return snapshots.remember("unit:" + unitCode, notFoundAsEmpty(() -> api.unit(unitCode, identity.bearer())));
    }

    public List<Person> onDuty(String unitCode, Instant at) {
        return snapshots.remember("on-duty:" + unitCode, api.onDuty(unitCode, at.toString(), identity.bearer()));
    }

    public List<Person> commanders(String territoryCode, Instant at) {
        return snapshots.remember("commanders:" + territoryCode, api.commanders(territoryCode, at.toString(), identity.bearer()));
    }

    public List<Person> supervisors(String territoryCode) {
        return snapshots.remember("supervisors:" + territoryCode, api.supervisors(territoryCode, identity.bearer()));
    }

    public Optional<Person> person(String personId) {
        return snapshots.remember("person:" + personId, notFoundAsEmpty(() -> api.person(personId, identity.bearer())));
    }

    public Optional<Person> byPhone(String phone) {
        return snapshots.remember("by-phone:" + phone, notFoundAsEmpty(() -> api.byPhone(phone, identity.bearer())));
    }

    private static <T> Optional<T> notFoundAsEmpty(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
