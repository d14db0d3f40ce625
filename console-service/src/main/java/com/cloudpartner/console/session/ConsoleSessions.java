package com.cloudpartner.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.session.ConsoleSession.CustomerToken;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The console sessions of this instance: in memory, each living for its partner's session
 * lifetime, at most {@code platform.console.max-sessions} of them (the oldest give way).
 * Session ids are 256 random bits.
 */
@Component
public class ConsoleSessions {

	private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final int maxSessions;

	private final ReentrantLock lock = new ReentrantLock();

	/** Insertion order = age, so the first entry is the oldest. */
	private final LinkedHashMap<String, ConsoleSession> sessions = new LinkedHashMap<>();

	@Autowired
	ConsoleSessions(Clock clock, ConsoleProperties properties) {
		this(clock, properties.maxSessions());
	}

	ConsoleSessions(Clock clock, int maxSessions) {
		this.clock = clock;
		this.maxSessions = maxSessions;
	}

	public ConsoleSession open(String accountId, String customerId, String userId, CustomerToken token,
			Duration lifetime) {
		Instant now = this.clock.instant();
		ConsoleSession session = new ConsoleSession(newId(), accountId, customerId, userId, token, now.plus(lifetime),
				newId());
		this.lock.lock();
		try {
			if (this.sessions.size() >= this.maxSessions) {
				removeExpired(now);
			}
			Iterator<ConsoleSession> oldest = this.sessions.values().iterator();
			while (this.sessions.size() >= this.maxSessions && oldest.hasNext()) {
				oldest.next();
				oldest.remove();
			}
			this.sessions.put(session.id(), session);
		}
		finally {
			this.lock.unlock();
		}
		return session;
	}

	public Optional<ConsoleSession> find(String id) {
		if (id == null || !ID_FORMAT.matcher(id).matches()) {
			return Optional.empty();
		}
		this.lock.lock();
		try {
			ConsoleSession session = this.sessions.get(id);
			if (session != null && session.isExpired(this.clock.instant())) {
				this.sessions.remove(id);
				return Optional.empty();
			}
			return Optional.ofNullable(session);
		}
		finally {
			this.lock.unlock();
		}
	}

	public void close(String id) {
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

	public int size() {
		this.lock.lock();
		try {
			return this.sessions.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Scheduled(fixedDelayString = "${platform.console.session-purge-interval:60s}")
	void purgeExpired() {
		this.lock.lock();
		try {
			removeExpired(this.clock.instant());
		}
		finally {
			this.lock.unlock();
		}
	}

	private void removeExpired(Instant now) {
		this.sessions.values().removeIf((session) -> session.isExpired(now));
	}

	private String newId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	Map<String, ConsoleSession> snapshot() {
		this.lock.lock();
		try {
			return Map.copyOf(this.sessions);
		}
		finally {
			this.lock.unlock();
		}
	}

}
