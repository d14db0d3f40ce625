package com.cloudpartner.console.web;

import java.util.List;

/**
 * A message for the end user in both Korean and English, the request's language first:
 * shown where the console cannot (yet) know which language the user reads.
 *
 * @param kind a stable name of the situation (also in the page, for tests)
 * @param lines the message in each language
 */
public record Notice(String kind, List<Line> lines) {

	/** The message in one language. */
	public record Line(String lang, String title, String body, String link) {

	}

}
