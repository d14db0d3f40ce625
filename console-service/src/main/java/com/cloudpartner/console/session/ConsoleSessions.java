package com.cloudpartner.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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

	private final Clock clock;

	private final BoundedSessionStore<ConsoleSession> store;

	@Autowired
	ConsoleSessions(Clock clock, ConsoleProperties properties) {
		this(clock, properties.maxSessions());
	}

	ConsoleSessions(Clock clock, int maxSessions) {
		this.clock = clock;
		this.store = new BoundedSessionStore<>(maxSessions, ConsoleSession::id);
	}

	public ConsoleSession open(String accountId, String customerId, String userId, CustomerToken token,
			Duration lifetime) {
		Instant now = this.clock.instant();
		return this.store.add(new ConsoleSession(BoundedSessionStore.newToken(), accountId, customerId, userId, token,
				now.plus(lifetime), BoundedSessionStore.newToken()), (s) -> s.isExpired(now));
	}

	public Optional<ConsoleSession> find(String id) {
		Instant now = this.clock.instant();
		return this.store.find(id, (s) -> s.isExpired(now));
	}

	public void close(String id) {
		this.store.remove(id);
	}

	public int size() {
		return this.store.size();
	}

	@Scheduled(fixedDelayString = "${platform.console.session-purge-interval:60s}")
	void purgeExpired() {
		Instant now = this.clock.instant();
		this.store.removeExpired((s) -> s.isExpired(now));
	}

	Map<String, ConsoleSession> snapshot() {
		return this.store.snapshot();
	}

}
