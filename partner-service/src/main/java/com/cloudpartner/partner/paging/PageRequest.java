package com.cloudpartner.partner.paging;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.cloudpartner.support.paging.PageTokens;

/**
 * Keyset paging by (creation time, id), the way every list of this service pages: the
 * page token is the last item of the previous page, sealed by {@link PageTokens}.
 *
 * @param size items per page (1..500)
 * @param after the creation time of the last item seen, or {@code null} for the first
 * page
 * @param afterId the id of the last item seen
 */
public record PageRequest(int size, Instant after, String afterId) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	/**
	 * Reads {@code pageSize} and {@code pageToken}, refusing bad values with a 400.
	 */
	public static PageRequest of(Integer pageSize, String pageToken) {
		int size = PageTokens.size(pageSize);
		if (pageToken == null || pageToken.isBlank()) {
			return new PageRequest(size, null, null);
		}
		String decoded = PageTokens.open(pageToken);
		try {
			int separator = decoded.indexOf('|');
			Instant after = Instant.parse(decoded.substring(0, separator));
			return new PageRequest(size, after, decoded.substring(separator + 1));
		}
		catch (RuntimeException ex) {
			throw PageTokens.invalid();
		}
	}

	public boolean first() {
		return this.after == null;
	}

	/**
	 * Cuts a result fetched with {@code size + 1} rows into a page and the token of the
	 * next one.
	 */
	public <T> Page<T> page(List<T> rows, Function<T, Instant> time, Function<T, String> id) {
		if (rows.size() <= this.size) {
			return new Page<>(rows, null);
		}
		List<T> items = rows.subList(0, this.size);
		T last = items.get(items.size() - 1);
		String token = PageTokens.seal(time.apply(last) + "|" + id.apply(last));
		return new Page<>(List.copyOf(items), token);
	}

	/** One page of a list and the token of the next page, {@code null} at the end. */
	public record Page<T>(List<T> items, String nextPageToken) {

		public <R> Page<R> map(Function<T, R> mapper) {
			return new Page<>(this.items.stream().map(mapper).toList(), this.nextPageToken);
		}

	}

}
