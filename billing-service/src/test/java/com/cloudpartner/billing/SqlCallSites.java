package com.cloudpartner.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a Java source, the lines where SQL is executed: in each statement that starts
 * a {@code JdbcClient} chain ({@code .sql(...)...list();}), the chain's first terminal
 * call ({@code list}, {@code single}, {@code optional}, {@code update}, ...), which is
 * the frame that runs the statement even when more calls follow
 * ({@code .list().forEach(...)}, {@code .optional().orElseThrow(...)}), else its last
 * call (such as {@code query(RowCallbackHandler)}); and each {@code batchUpdate} and
 * cursor {@code query} of a {@code JdbcTemplate}, and each {@code COPY} ({@code copyIn},
 * in the line that unwraps the driver's connection). Strings, text blocks and comments
 * are skipped, so SQL text never confuses it.
 */
final class SqlCallSites {

	private static final Pattern START = Pattern
		.compile("\\.sql\\(|\\.batchUpdate\\(|this\\.cursor\\.query\\(|\\.copyIn\\(");

	private static final Pattern CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");

	/** The calls of {@code JdbcClient}'s statement specs that execute the statement. */
	private static final Set<String> TERMINALS = Set.of("list", "single", "optional", "update", "set", "stream",
			"singleValue", "listOfRows", "singleRow");

	private SqlCallSites() {
	}

	static List<Integer> in(String source) {
		String code = blank(source);
		List<Integer> lines = new ArrayList<>();
		Matcher start = START.matcher(code);
		while (start.find()) {
			int end = statementEnd(code, start.start());
			int last = start.start();
			int terminal = -1;
			Matcher call = CALL.matcher(code);
			int depth = 0;
			for (int i = start.start(); i < end; i++) {
				char c = code.charAt(i);
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				else if (c == '.' && depth == 0 && call.region(i, end).lookingAt()) {
					last = i;
					if (terminal < 0 && TERMINALS.contains(call.group(1))) {
						terminal = i;
					}
				}
			}
			lines.add(lineOf(code, nameAfter(code, (terminal >= 0) ? terminal : last)));
		}
		return lines;
	}

	private static int nameAfter(String code, int dot) {
		int i = dot + 1;
		while (Character.isWhitespace(code.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int statementEnd(String code, int from) {
		int depth = 0;
		for (int i = from; i < code.length(); i++) {
			char c = code.charAt(i);
			if (c == '(' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == '}') {
				depth--;
				if (depth < 0) {
					return i;
				}
			}
			else if (c == ';' && depth == 0) {
				return i;
			}
		}
		return code.length();
	}

	private static int lineOf(String code, int index) {
		int line = 1;
		for (int i = 0; i < index; i++) {
			if (code.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** The source with strings, text blocks, chars and comments blanked, lines kept. */
	static String blank(String source) {
		StringBuilder out = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("\"\"\"", i)) {
				int close = source.indexOf("\"\"\"", i + 3);
				while (close > 0 && source.charAt(close - 1) == '\\') {
					close = source.indexOf("\"\"\"", close + 1);
				}
				i = copyBlank(source, out, i, close + 3);
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				char quote = source.charAt(i);
				int j = i + 1;
				while (j < source.length() && source.charAt(j) != quote) {
					j += (source.charAt(j) == '\\') ? 2 : 1;
				}
				i = copyBlank(source, out, i, j + 1);
			}
			else if (source.startsWith("//", i)) {
				int close = source.indexOf('\n', i);
				i = copyBlank(source, out, i, (close < 0) ? source.length() : close);
			}
			else if (source.startsWith("/*", i)) {
				i = copyBlank(source, out, i, source.indexOf("*/", i + 2) + 2);
			}
			else {
				out.append(source.charAt(i++));
			}
		}
		return out.toString();
	}

	private static int copyBlank(String source, StringBuilder out, int from, int to) {
		for (int k = from; k < to; k++) {
			out.append(source.charAt(k) == '\n' ? '\n' : ' ');
		}
		return to;
	}

}
