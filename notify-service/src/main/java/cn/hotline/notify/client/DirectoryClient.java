package cn.hotline.notify.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.hotline.notify.domain.Person;

/**
 * routing's directory as notify uses it: a fresh answer from memory ({@link DirectoryCache}), else the guarded live
 * call ({@link DirectoryCalls}) and, when that fails
 * or its circuit is open, the last answer kept in Redis. (The fallbacks live here, outside the circuit breaker,
 * so an open circuit never blocks the snapshot.)
 */
@ApplicationScoped
public class DirectoryClient {

    private static final TypeReference<List<Person>> PEOPLE = new TypeReference<>() {
    };

    private final DirectoryCalls calls;
    private final DirectorySnapshots snapshots;
    private final DirectoryCache cache;

    public DirectoryClient(DirectoryCalls calls, DirectorySnapshots snapshots, DirectoryCache cache) {
        this.calls = calls;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    @Fallback(fallbackMethod = "unitSnapshot")
    public Optional<DirectoryApi.UnitInfo> unit(String unitCode) {
        return cache.get("unit:" + unitCode, () -> calls.unit(unitCode));
    }

    @Fallback(fallbackMethod = "onDutySnapshot")
    public List<Person> onDuty(String unitCode, Instant at) {
        return cache.get("on-duty:" + unitCode, () -> calls.onDuty(unitCode, at));
    }

    @Fallback(fallbackMethod = "commandersSnapshot")
    public List<Person> commanders(String territoryCode, Instant at) {
        return cache.get("commanders:" + territoryCode, () -> calls.commanders(territoryCode, at));
    }

    @Fallback(fallbackMethod = "supervisorsSnapshot")
    public List<Person> supervisors(String territoryCode) {
        return cache.get("supervisors:" + territoryCode, () -> calls.supervisors(territoryCode));
    }

    @Fallback(fallbackMethod = "personSnapshot")
    public Optional<Person> person(String personId) {
        return cache.get("person:" + personId, () -> calls.person(personId));
    }

    @Fallback(fallbackMethod = "byPhoneSnapshot")
    public Optional<Person> byPhone(String phone) {
        return cache.get("by-phone:" + phone, () -> calls.byPhone(phone));
    }

    Optional<DirectoryApi.UnitInfo> unitSnapshot(String unitCode) {
        return snapshots.recall("unit:" + unitCode, new TypeReference<>() {
        });
    }

    List<Person> onDutySnapshot(String unitCode, Instant at) {
        return snapshots.recall("on-duty:" + unitCode, PEOPLE);
    }

    List<Person> commandersSnapshot(String territoryCode, Instant at) {
        return snapshots.recall("commanders:" + territoryCode, PEOPLE);
    }

    List<Person> supervisorsSnapshot(String territoryCode) {
        return snapshots.recall("supervisors:" + territoryCode, PEOPLE);
    }

    Optional<Person> personSnapshot(String personId) {
        return snapshots.recall("person:" + personId, new TypeReference<>() {
        });
    }

    Optional<Person> byPhoneSnapshot(String phone) {
        return snapshots.recall("by-phone:" + phone, new TypeReference<>() {
        });
    }
}
