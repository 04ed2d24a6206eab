package cn.hotline.routing.domain;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text columns of a dispatch: the explanation lines and the assisting units. */
public final class JsonListConverters {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonListConverters() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json == null || json.isBlank() ? "[]" : json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code List<String>} as a JSON array. */
    @Converter
    public static class Strings implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> attribute) {
            return write(attribute == null ? List.of() : attribute);
        }

        @Override
        public List<String> convertToEntityAttribute(String dbData) {
            return read(dbData, new TypeReference<List<String>>() { });
        }
    }

    /** {@code List<AssistPart>} as a JSON array. */
    @Converter
    public static class AssistParts implements AttributeConverter<List<AssistPart>, String> {
        @Override
        public String convertToDatabaseColumn(List<AssistPart> attribute) {
            return write(attribute == null ? List.of() : attribute);
        }

        @Override
        public List<AssistPart> convertToEntityAttribute(String dbData) {
            return read(dbData, new TypeReference<List<AssistPart>>() { });
        }
    }
}
