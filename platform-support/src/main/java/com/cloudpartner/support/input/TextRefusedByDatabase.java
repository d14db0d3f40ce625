package com.cloudpartner.support.input;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises PostgreSQL's refusal of text it cannot store (SQLSTATE 22021
 * {@code character_not_in_repertoire}, 22P05 {@code untranslatable_character}: a NUL
 * character, an unpaired surrogate) anywhere in a failure's causes, so that such input
 * that slipped past the request checks is still a 400, not a 500.
 */
public final class TextRefusedByDatabase {

	private static final Set<String> STATES = Set.of("22021", "22P05");

	private TextRefusedByDatabase() {
	}

	public static boolean causes(Throwable failure) {
		return sqlException(failure) != null;
	}

	public static String message(Throwable failure) {
		SQLException sql = sqlException(failure);
		return (sql != null) ? sql.getSQLState() : "";
	}

	private static SQLException sqlException(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
				return sql;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}
