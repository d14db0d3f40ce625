package com.cloudpartner.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import com.cloudpartner.console.session.ConsoleSession.CustomerToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSessionsTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-10-01T00:00:00Z"));

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return ConsoleSessionsTests.this.now.get();
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	private final CustomerToken token = new CustomerToken("t", Instant.parse("2026-10-01T00:05:00Z"));

	@Test
	void givesEachSessionA256BitRandomId() {
		ConsoleSessions sessions = new ConsoleSessions(this.clock, 10);

		ConsoleSession first = sessions.open("a", "c", "u", this.token, Duration.ofMinutes(30));
		ConsoleSession second = sessions.open("a", "c", "u", this.token, Duration.ofMinutes(30));

		assertThat(first.id()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(second.id());
		assertThat(sessions.find(first.id())).containsSame(first);
		assertThat(sessions.find("not an id")).isEmpty();
	}

	@Test
	void forgetsSessionsAtTheEndOfTheirLifetime() {
		ConsoleSessions sessions = new ConsoleSessions(this.clock, 10);
		ConsoleSession session = sessions.open("a", "c", "u", this.token, Duration.ofMinutes(30));

		this.now.set(this.now.get().plus(Duration.ofMinutes(29)));
		assertThat(sessions.find(session.id())).isPresent();

		this.now.set(this.now.get().plus(Duration.ofMinutes(1)));
		assertThat(sessions.find(session.id())).isEmpty();
		assertThat(sessions.size()).isZero();
	}

	@Test
	void makesRoomByDroppingExpiredThenOldestSessions() {
		ConsoleSessions sessions = new ConsoleSessions(this.clock, 2);
		ConsoleSession shortLived = sessions.open("a", "c1", "u1", this.token, Duration.ofMinutes(1));
		ConsoleSession oldest = sessions.open("a", "c2", "u2", this.token, Duration.ofMinutes(30));
		this.now.set(this.now.get().plus(Duration.ofMinutes(2)));

		ConsoleSession third = sessions.open("a", "c3", "u3", this.token, Duration.ofMinutes(30));
		assertThat(sessions.snapshot()).containsOnlyKeys(oldest.id(), third.id());

		ConsoleSession fourth = sessions.open("a", "c4", "u4", this.token, Duration.ofMinutes(30));
		assertThat(sessions.snapshot()).containsOnlyKeys(third.id(), fourth.id());
		assertThat(sessions.find(shortLived.id())).isEmpty();
	}

	@Test
	void purgesExpiredSessionsInTheBackground() {
		ConsoleSessions sessions = new ConsoleSessions(this.clock, 10);
		sessions.open("a", "c", "u", this.token, Duration.ofMinutes(1));
		this.now.set(this.now.get().plus(Duration.ofMinutes(1)));

		sessions.purgeExpired();

		assertThat(sessions.size()).isZero();
	}

	@Test
	void givesEachSessionItsOwnCsrfTokenAndAcceptsOnlyThatOne() {
		ConsoleSessions sessions = new ConsoleSessions(this.clock, 10);
		ConsoleSession first = sessions.open("a", "c", "u", this.token, Duration.ofMinutes(30));
		ConsoleSession second = sessions.open("a", "c", "u", this.token, Duration.ofMinutes(30));

		assertThat(first.csrfToken()).hasSize(43).isNotEqualTo(second.csrfToken()).isNotEqualTo(first.id());
		assertThat(first.acceptsCsrfToken(first.csrfToken())).isTrue();
		assertThat(first.acceptsCsrfToken(second.csrfToken())).isFalse();
		assertThat(first.acceptsCsrfToken(null)).isFalse();
		assertThat(first.acceptsCsrfToken("")).isFalse();
	}

	@Test
	void handsAHeldValueOutOnceAndNotAfterItExpired() {
		ConsoleSessions sessions = new ConsoleSessions(this.clock, 10);
		ConsoleSession session = sessions.open("a", "c", "u", this.token, Duration.ofMinutes(30));

		session.holdOnce("password:j1", "s3cret", this.now.get(), Duration.ofMinutes(5));
		session.holdOnce("password:j2", "other", this.now.get(), Duration.ofMinutes(5));

		assertThat(session.takeOnce("password:j1", this.now.get())).contains("s3cret");
		assertThat(session.takeOnce("password:j1", this.now.get())).isEmpty();
		assertThat(session.takeOnce("password:j2", this.now.get().plus(Duration.ofMinutes(5)))).isEmpty();
		assertThat(session.toString()).doesNotContain("s3cret", "other");
	}

}
