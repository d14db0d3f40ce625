package com.cloudpartner.support.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Checks every string Jackson reads into a request (record and bean fields, lists and
 * untyped maps of strings, map keys) with {@link Text#isClean}: a NUL character or an
 * unpaired surrogate fails the read with an {@link InvalidTextException}, answered
 * {@code 400 VALIDATION_FAILED} on the field, before any code sees the value.
 */
public class TextCheckingModule extends SimpleModule {

	public TextCheckingModule() {
		super("platform-text-checking");
		addDeserializer(String.class, new CheckedStringDeserializer());
		addKeyDeserializer(String.class, new CheckedKeyDeserializer());
	}

	static final class CheckedStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			return checked(parser, super.deserialize(parser, context));
		}

	}

	static final class CheckedKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			return checked(context.getParser(), key);
		}

	}

	private static String checked(JsonParser parser, String value) {
		if (!Text.isClean(value)) {
			throw new InvalidTextException(parser);
		}
		return value;
	}

}
