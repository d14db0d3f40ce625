package com.cloudpartner.console.partnertool.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import com.cloudpartner.console.partnertool.PartnerToolProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The partner tool's sessions on this instance: in memory, each ending when the member's
 * token expires (partner-service issues no refresh for member logins) or after
 * {@code platform.partner-tool.max-session-lifetime}, at most
 * {@code platform.partner-tool.max-sessions} of them (the oldest give way). Ids and CSRF
 * tokens are 256 random bits each.
 */
@Component
public class PartnerSessions {

	private static final Pattern ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final int maxSessions;

	private final Duration maxLifetime;

	private final ReentrantLock lock = new ReentrantLock();

	/** Insertion order = age, so the first entry is the oldest. */
	private final LinkedHashMap<String, PartnerSession> sessions = new LinkedHashMap<>();

	@Autowired
	PartnerSessions(Clock clock, PartnerToolProperties properties) {
		this(clock, properties.maxSessions(), properties.maxSessionLifetime());
	}

	PartnerSessions(Clock clock, int maxSessions, Duration maxLifetime) {
		this.clock = clock;
		this.maxSessions = maxSessions;
		this.maxLifetime = maxLifetime;
	}

	public PartnerSession open(PartnerSession.SignIn signIn) {
		Instant now = this.clock.instant();
		Instant cap = now.plus(this.maxLifetime);
		Instant expiresAt = signIn.tokenExpiresAt().isBefore(cap) ? signIn.tokenExpiresAt() : cap;
		PartnerSession session = new PartnerSession(newToken(), signIn, newToken(), expiresAt);
		this.lock.lock();
		try {
			if (this.sessions.size() >= this.maxSessions) {
				removeExpired(now);
			}
			Iterator<PartnerSession> oldest = this.sessions.values().iterator();
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

	public Optional<PartnerSession> find(String id) {
		if (id == null || !ID_FORMAT.matcher(id).matches()) {
			return Optional.empty();
		}
		this.lock.lock();
		try {
			PartnerSession session = this.sessions.get(id);
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

	/** How long the session has left, for the cookie's Max-Age. */
	public Duration remaining(PartnerSession session) {
		Duration left = Duration.between(this.clock.instant(), session.expiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** A fresh 256-bit random value, URL-safe: session ids and CSRF tokens. */
	public String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	int size() {
		this.lock.lock();
		try {
			return this.sessions.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Scheduled(fixedDelayString = "${platform.partner-tool.session-purge-interval:60s}")
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

}
