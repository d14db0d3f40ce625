package com.cloudpartner.console.partnertool.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.cloudpartner.console.partnertool.PartnerToolProperties;
import com.cloudpartner.console.session.BoundedSessionStore;

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

	private final Clock clock;

	private final Duration maxLifetime;

	private final BoundedSessionStore<PartnerSession> store;

	@Autowired
	PartnerSessions(Clock clock, PartnerToolProperties properties) {
		this(clock, properties.maxSessions(), properties.maxSessionLifetime());
	}

	PartnerSessions(Clock clock, int maxSessions, Duration maxLifetime) {
		this.clock = clock;
		this.maxLifetime = maxLifetime;
		this.store = new BoundedSessionStore<>(maxSessions, PartnerSession::id);
	}

	public PartnerSession open(PartnerSession.SignIn signIn) {
		Instant now = this.clock.instant();
		Instant cap = now.plus(this.maxLifetime);
		Instant expiresAt = signIn.tokenExpiresAt().isBefore(cap) ? signIn.tokenExpiresAt() : cap;
		return this.store.add(new PartnerSession(newToken(), signIn, newToken(), expiresAt), (s) -> s.isExpired(now));
	}

	public Optional<PartnerSession> find(String id) {
		Instant now = this.clock.instant();
		return this.store.find(id, (s) -> s.isExpired(now));
	}

	public void close(String id) {
		this.store.remove(id);
	}

	/** How long the session has left, for the cookie's Max-Age. */
	public Duration remaining(PartnerSession session) {
		Duration left = Duration.between(this.clock.instant(), session.expiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

	/** A fresh 256-bit random value, URL-safe: session ids and CSRF tokens. */
	public String newToken() {
		return BoundedSessionStore.newToken();
	}

	int size() {
		return this.store.size();
	}

	@Scheduled(fixedDelayString = "${platform.partner-tool.session-purge-interval:60s}")
	void purgeExpired() {
		Instant now = this.clock.instant();
		this.store.removeExpired((s) -> s.isExpired(now));
	}

}
