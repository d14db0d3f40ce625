package com.cloudpartner.console.session;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Sessions of one kind held in this instance's memory (decision 0004): at most so many,
 * the oldest giving way to a new one, each forgotten once expired. Ids (and CSRF tokens)
 * are 256 random bits, URL-safe. The end user's console and the partner tool each keep
 * their sessions in one.
 *
 * @param <S> the session type
 */
public final class BoundedSessionStore<S> {

	private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final int maxSessions;

	private final Function<S, String> idOf;

	private final ReentrantLock lock = new ReentrantLock();

	/** Insertion order = age, so the first entry is the oldest. */
	private final LinkedHashMap<String, S> sessions = new LinkedHashMap<>();

	/**
	 * @param maxSessions how many at most
	 * @param idOf a session's id
	 */
	public BoundedSessionStore(int maxSessions, Function<S, String> idOf) {
		this.maxSessions = maxSessions;
		this.idOf = idOf;
	}

	/** A fresh 256-bit random value, URL-safe: session ids and CSRF tokens. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Keeps a new session; when full, the expired ones go first, then the oldest.
	 * @param expired whether a session has expired (now)
	 */
	public S add(S session, Predicate<S> expired) {
		this.lock.lock();
		try {
			if (this.sessions.size() >= this.maxSessions) {
				this.sessions.values().removeIf(expired);
			}
			Iterator<S> oldest = this.sessions.values().iterator();
			while (this.sessions.size() >= this.maxSessions && oldest.hasNext()) {
				oldest.next();
				oldest.remove();
			}
			this.sessions.put(this.idOf.apply(session), session);
		}
		finally {
			this.lock.unlock();
		}
		return session;
	}

	/** The session of an id unless it expired (then it is forgotten). */
	public Optional<S> find(String id, Predicate<S> expired) {
		if (id == null || !ID_FORMAT.matcher(id).matches()) {
			return Optional.empty();
		}
		this.lock.lock();
		try {
			S session = this.sessions.get(id);
			if (session != null && expired.test(session)) {
				this.sessions.remove(id);
				return Optional.empty();
			}
			return Optional.ofNullable(session);
		}
		finally {
			this.lock.unlock();
		}
	}

	public void remove(String id) {
		if (id == null) {
			return;
		}
		this.lock.lock();
		try {
			this.sessions.remove(id);
		}
		finally {
			this.lock.unlock();
		}
	}

	public void removeExpired(Predicate<S> expired) {
		this.lock.lock();
		try {
			this.sessions.values().removeIf(expired);
		}
		finally {
			this.lock.unlock();
		}
	}

	public int size() {
		this.lock.lock();
		try {
			return this.sessions.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	public Map<String, S> snapshot() {
		this.lock.lock();
		try {
			return Map.copyOf(this.sessions);
		}
		finally {
			this.lock.unlock();
		}
	}

}
