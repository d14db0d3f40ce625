package com.cloudpartner.entitlement.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.cloudpartner.support.problem.ApiProblem;

/**
 * One page of a keyset-paginated list: {@code pageSize} (default 50, at most 500) and the
 * cursor decoded from an opaque {@code pageToken} (the sort key of the last row served).
 *
 * @param size rows to serve
 * @param after sort key to continue after, empty for the first page
 */
public record PageRequest(int size, List<String> after) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	private static final String SEPARATOR = "\u001f";

	public static PageRequest of(Integer pageSize, String pageToken, int keyParts) {
		int size = (pageSize == null || pageSize == 0) ? DEFAULT_SIZE : pageSize;
		if (size < 0) {
			throw ApiProblem.invalidField("pageSize", "must be between 0 and " + MAX_SIZE);
		}
		size = Math.min(size, MAX_SIZE);
		if (pageToken == null || pageToken.isEmpty()) {
			return new PageRequest(size, List.of());
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
			List<String> parts = Arrays.asList(decoded.split(SEPARATOR, -1));
			if (parts.size() != keyParts) {
				throw invalidToken();
			}
			return new PageRequest(size, List.copyOf(parts));
		}
		catch (IllegalArgumentException ex) {
			throw invalidToken();
		}
	}

	public boolean first() {
		return this.after.isEmpty();
	}

	/** Rows to fetch: one more than served tells whether another page follows. */
	public int fetchSize() {
		return this.size + 1;
	}

	/**
	 * Cuts the fetched rows to the page and computes the next token ("" on the last
	 * page).
	 */
	public <T> Page<T> page(List<T> fetched, Function<T, List<String>> sortKey) {
		if (fetched.size() <= this.size) {
			return new Page<>(fetched, "");
		}
		List<T> items = fetched.subList(0, this.size);
		String key = String.join(SEPARATOR, sortKey.apply(items.get(items.size() - 1)));
		return new Page<>(List.copyOf(items),
				Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Pages a list computed in full (a few hundred rows at most: the catalog's SKUs and
	 * offers) by a unique string key: sorts by the key and serves the rows after the
	 * token's key. A token whose key no longer exists still continues after it.
	 */
	public <T> Page<T> slice(List<T> all, Function<T, String> key) {
		List<T> sorted = all.stream().sorted(java.util.Comparator.comparing(key)).toList();
		String after = first() ? null : this.after.get(0);
		List<T> rest = (after != null) ? sorted.stream().filter((t) -> key.apply(t).compareTo(after) > 0).toList()
				: sorted;
		return page(rest.subList(0, Math.min(rest.size(), fetchSize())), (t) -> List.of(key.apply(t)));
	}

	private static ApiProblem invalidToken() {
		return ApiProblem.invalidField("pageToken", "is not a token returned by this list");
	}

	/**
	 * A served page.
	 *
	 * @param <T> row type
	 * @param items the rows
	 * @param nextPageToken token of the next page, empty on the last one
	 */
	public record Page<T>(List<T> items, String nextPageToken) {

		public <R> Page<R> map(Function<T, R> mapper) {
			return new Page<>(this.items.stream().map(mapper).toList(), this.nextPageToken);
		}

	}

}
