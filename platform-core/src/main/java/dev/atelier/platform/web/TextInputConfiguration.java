package dev.atelier.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in request bodies may not hold NUL characters: PostgreSQL cannot store them, so such a body is malformed input
 * (400 naming the field), not something to find out at the database.
 */
@Configuration(proxyBeanMethods = false)
class TextInputConfiguration {

    @Bean
    JacksonModule textWithoutNulCharacters() {
        return new SimpleModule("atelier-text-input").addDeserializer(String.class, new TextDeserializer());
    }

    /** Strings as Jackson reads them, refusing any with a NUL character. */
    static final class TextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\0') >= 0) {
                throw context.weirdStringException(text, String.class, "text may not contain NUL characters");
            }
            return text;
        }
    }
}
