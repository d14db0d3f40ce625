package com.cloudpartner.console.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.partner.ConsoleTokenMinter;
import com.cloudpartner.console.partner.ConsoleTokenMinter.MintedToken;
import com.cloudpartner.console.session.ConsoleSession.CustomerToken;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;

import org.springframework.stereotype.Component;

/**
 * The console token to call the other services with on behalf of a session's customer:
 * the current one, or a freshly minted one when it is about to expire.
 */
@Component
public class CustomerTokens {

	private static final Logger log = LoggerFactory.getLogger(CustomerTokens.class);

	private final ConsoleTokenMinter minter;

	private final Duration margin;

	private final Clock clock;

	CustomerTokens(ConsoleTokenMinter minter, ConsoleProperties properties, Clock clock) {
		this.minter = minter;
		this.margin = properties.tokenRefreshMargin();
		this.clock = clock;
	}

	/**
	 * A console token of exactly the session's customer (aud console, cust = that
	 * customer): the only credential the console calls the other services with on the
	 * user's behalf.
	 * @throws UpstreamUnavailableException when none can be had
	 */
	public String current(ConsoleSession session) {
		CustomerToken token = session.token();
		if (isFresh(token)) {
			return token.value();
		}
		session.refreshLock().lock();
		try {
			token = session.token();
			if (isFresh(token)) {
				return token.value();
			}
			try {
				MintedToken minted = this.minter.mint(session.accountId(), session.customerId());
				session.replaceToken(new CustomerToken(minted.value(), minted.expiresAt()));
				return minted.value();
			}
			catch (UpstreamUnavailableException ex) {
				if (this.clock.instant().isBefore(token.expiresAt())) {
					log.warn("Console token of {} not renewed, using the current one: {}", session, ex.getMessage());
					return token.value();
				}
				throw ex;
			}
		}
		finally {
			session.refreshLock().unlock();
		}
	}

	private boolean isFresh(CustomerToken token) {
		Instant now = this.clock.instant();
		return now.isBefore(token.expiresAt().minus(this.margin));
	}

}
