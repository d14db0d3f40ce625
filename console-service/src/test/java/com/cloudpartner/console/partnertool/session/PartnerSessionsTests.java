package com.cloudpartner.console.partnertool.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerSessionsTests {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-10-01T00:00:00Z"));

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return PartnerSessionsTests.this.now.get();
		}

	};

	@Test
	void endsASessionWhenTheMemberTokenExpires() {
		PartnerSessions sessions = new PartnerSessions(this.clock, 10, Duration.ofHours(8));
		PartnerSession session = sessions.open(signIn(Duration.ofMinutes(15)));

		assertThat(sessions.remaining(session)).isEqualTo(Duration.ofMinutes(15));
		this.now.set(this.now.get().plus(Duration.ofMinutes(14)));
		assertThat(sessions.find(session.id())).contains(session);
		this.now.set(this.now.get().plus(Duration.ofMinutes(1)));
		assertThat(sessions.find(session.id())).isEmpty();
		assertThat(sessions.size()).isZero();
	}

	@Test
	void neverOutlivesTheConfiguredLifetime() {
		PartnerSessions sessions = new PartnerSessions(this.clock, 10, Duration.ofMinutes(5));
		PartnerSession session = sessions.open(signIn(Duration.ofHours(1)));

		assertThat(session.expiresAt()).isEqualTo(this.now.get().plus(Duration.ofMinutes(5)));
	}

	@Test
	void makesTheOldestSessionGiveWayWhenFull() {
		PartnerSessions sessions = new PartnerSessions(this.clock, 2, Duration.ofHours(8));
		PartnerSession first = sessions.open(signIn(Duration.ofMinutes(15)));
		PartnerSession second = sessions.open(signIn(Duration.ofMinutes(15)));
		PartnerSession third = sessions.open(signIn(Duration.ofMinutes(15)));

		assertThat(sessions.find(first.id())).isEmpty();
		assertThat(sessions.find(second.id())).contains(second);
		assertThat(sessions.find(third.id())).contains(third);
	}

	@Test
	void givesEachSessionItsOwnRandomIdAndCsrfToken() {
		PartnerSessions sessions = new PartnerSessions(this.clock, 10, Duration.ofHours(8));
		PartnerSession a = sessions.open(signIn(Duration.ofMinutes(15)));
		PartnerSession b = sessions.open(signIn(Duration.ofMinutes(15)));

		assertThat(a.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
		assertThat(a.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(b.csrfToken());
		assertThat(a.toString()).doesNotContain("token-value");
		assertThat(sessions.find("not-an-id")).isEmpty();
		assertThat(sessions.find(null)).isEmpty();
	}

	@Test
	void showsAFlashMessageOnce() {
		PartnerSessions sessions = new PartnerSessions(this.clock, 10, Duration.ofHours(8));
		PartnerSession session = sessions.open(signIn(Duration.ofMinutes(15)));
		session.flash(PartnerSession.Flash.success("pt.saved").with("newSecret", "s3cret"));

		assertThat(session.takeFlash().model()).containsEntry("newSecret", "s3cret");
		assertThat(session.takeFlash()).isNull();
	}

	@Test
	void comparesCsrfTokensExactly() {
		assertThat(CsrfRefused.matches("abc", "abc")).isTrue();
		assertThat(CsrfRefused.matches("abc", "abd")).isFalse();
		assertThat(CsrfRefused.matches("abc", null)).isFalse();
		assertThat(CsrfRefused.matches("", "")).isFalse();
		assertThat(CsrfRefused.matches(null, null)).isFalse();
	}

	private PartnerSession.SignIn signIn(Duration tokenLifetime) {
		return new PartnerSession.SignIn("acct-1", "member-1", "acme01", "token-value",
				this.now.get().plus(tokenLifetime), "Acme");
	}

}
