package cn.hotline.intake.repository;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import cn.hotline.intake.service.PiiCipher;
import io.quarkus.arc.Arc;

/** Column converter: caller PII is sealed by {@link PiiCipher} on the way into the database and opened on the way out. */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    private volatile PiiCipher cipher;

    @Override
    public String convertToDatabaseColumn(String plain) {
        return cipher().seal(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher().open(stored);
    }

    private PiiCipher cipher() {
        // Hibernate creates converters itself; the cipher (with its configured keys) is the application's bean.
        if (cipher == null) {
            cipher = Arc.container().instance(PiiCipher.class).get();
        }
        return cipher;
    }
}
