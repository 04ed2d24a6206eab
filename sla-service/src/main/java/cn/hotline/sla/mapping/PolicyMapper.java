package cn.hotline.sla.mapping;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hotline.sla.domain.Policy;
import cn.hotline.sla.domain.PolicyEntity;
import cn.hotline.sla.domain.PolicyMatch;
import cn.hotline.sla.domain.StageDefinition;

/** Policy entity ↔ domain record; stages travel as JSON in one column. */
@ApplicationScoped
public class PolicyMapper {

    private static final TypeReference<List<StageDefinition>> STAGES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public PolicyMapper(ObjectMapper json) {
        this.json = json;
    }

    public Policy toDomain(PolicyEntity entity) {
        try {
            return new Policy(entity.code, entity.name, entity.priority,
                    new PolicyMatch(split(entity.urgencies), split(entity.kinds), split(entity.categoryPrefixes),
                            split(entity.channels), split(entity.flags)),
                    entity.calendarName, json.readValue(entity.stages, STAGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy " + entity.code + " has unreadable stages", e);
        }
    }

    public void copy(Policy policy, PolicyEntity entity) {
        entity.code = policy.code();
        entity.name = policy.name();
        entity.priority = policy.priority();
        entity.urgencies = String.join(",", policy.match().urgencies());
        entity.kinds = String.join(",", policy.match().kinds());
        entity.categoryPrefixes = String.join(",", policy.match().categoryPrefixes());
        entity.channels = String.join(",", policy.match().channels());
        entity.flags = String.join(",", policy.match().flags());
        entity.calendarName = policy.calendar();
        try {
            entity.stages = json.writeValueAsString(policy.stages());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode stages of " + policy.code(), e);
        }
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::trim).toList();
    }
}
