package com.cloudpartner.entitlement.common;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import com.cloudpartner.support.paging.PageTokens;

/**
 * One page of a keyset-paginated list: {@code pageSize} (default 50, 1 to 500) and the
 * cursor opened from a {@code pageToken} sealed by {@link PageTokens} (the sort key of
 * the last row served).
 *
 * @param size rows to serve
 * @param after sort key to continue after, empty for the first page
 */
public record PageRequest(int size, List<String> after) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	private static final String SEPARATOR = "\u001f";

	public static PageRequest of(Integer pageSize, String pageToken, int keyParts) {
		int size = PageTokens.size(pageSize);
		if (pageToken == null || pageToken.isEmpty()) {
			return new PageRequest(size, List.of());
		}
		String decoded = PageTokens.open(pageToken);
		List<String> parts = Arrays.asList(decoded.split(SEPARATOR, -1));
		if (parts.size() != keyParts) {
			throw PageTokens.invalid();
		}
		return new PageRequest(size, List.copyOf(parts));
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
		return new Page<>(List.copyOf(items), PageTokens.seal(key));
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
