package com.cloudpartner.support.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string of a request body that holds a NUL character or an unpaired surrogate
 * (see {@link Text}). Jackson adds the path of the field on its way out, which the
 * problem handler reports as the field in error.
 */
public class InvalidTextException extends MismatchedInputException {

	InvalidTextException(JsonParser parser) {
		super(parser, Text.MESSAGE, String.class);
	}

	/**
	 * The JSON path of the offending string, dotted ({@code company.name},
	 * {@code rules[2].description}), or {@code body} at the top level.
	 */
	public String field() {
		StringBuilder field = new StringBuilder();
		for (Reference reference : getPath()) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? "body" : field.toString();
	}

}
