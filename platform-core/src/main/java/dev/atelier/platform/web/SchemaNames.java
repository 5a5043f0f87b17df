package dev.atelier.platform.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;

/**
 * Names the schema of an Atelier type nested in another after the types around it as well: a record
 * {@code PaymentView} in {@code BookingView} is {@code BookingView.PaymentView}, one in {@code PaymentController} is
 * {@code Payment.PaymentView} ("Controller" left out). Swagger names a schema after the class's simple name alone, so
 * two such records of one app would share one schema and one of them would be described wrong. Top-level types, and
 * types that name their schema with {@code @Schema(name = ...)}, keep their name.
 */
final class SchemaNames implements ModelConverter {

    private static final String OURS = "dev.atelier.";

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getName() == null && type.getType() != null) {
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            io.swagger.v3.oas.annotations.media.Schema named = raw
                    .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            if (raw.isMemberClass() && !raw.isEnum() && raw.getName().startsWith(OURS)
                    && (named == null || named.name().isEmpty())) {
                type.name(nameOf(raw));
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    static String nameOf(Class<?> nested) {
        StringBuilder name = new StringBuilder(nested.getSimpleName());
        for (Class<?> outer = nested.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            String simple = outer.getSimpleName();
            name.insert(0, (simple.endsWith("Controller") && simple.length() > "Controller".length()
                    ? simple.substring(0, simple.length() - "Controller".length())
                    : simple) + ".");
        }
        return name.toString();
    }
}
