package com.cloudpartner.partner.webhooks;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.accounts.PartnerAccountManagement;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers due callbacks: signs each with the partner's secrets, POSTs it, and records
 * the outcome. A 2xx ends a delivery for good; anything else is retried with exponential
 * backoff and jitter until {@code give-up-after} (25 h) has passed since the event.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final WebhookDeliveries deliveries;

	private final WebhookSecrets secrets;

	private final WebhookHttp http;

	private final PartnerAccountManagement accounts;

	private final WebhookProperties properties;

	private final Clock clock;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private ScheduledExecutorService scheduler;

	private volatile boolean running;

	WebhookDispatcher(WebhookDeliveries deliveries, WebhookSecrets secrets, WebhookHttp http,
			PartnerAccountManagement accounts, WebhookProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.secrets = secrets;
		this.http = http;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("webhooks").factory());
		long every = this.properties.pollInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::deliverDueSafely, every, every, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
		this.senders.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	void wakeUp() {
		ScheduledExecutorService current = this.scheduler;
		if (this.running && current != null) {
			current.execute(this::deliverDueSafely);
		}
	}

	private void deliverDueSafely() {
		try {
			Instant now = this.clock.instant();
			List<WebhookDelivery> due = this.deliveries.claimDue(now, now.plus(LEASE), 50);
			// one slow partner must not hold up the others
			due.forEach((delivery) -> this.senders.execute(() -> deliver(delivery)));
		}
		catch (RuntimeException ex) {
			log.warn("Webhook pass failed: {}", ex.toString());
		}
	}

	void deliver(WebhookDelivery delivery) {
		Instant now = this.clock.instant();
		Optional<String> url = this.accounts.find(delivery.accountId())
			.map(PartnerAccount::settings)
			.map(PartnerAccount.Settings::callbackUrl);
		if (url.isEmpty()) {
			this.deliveries.failed(delivery, null, "The account has no callbackUrl any more.", now, null);
			return;
		}
		List<String> signing = this.secrets.signing(delivery.accountId());
		if (signing.isEmpty()) {
			retryLater(delivery, null,
					"No webhook secret yet: POST /v1/accounts/{a}/webhook-secret makes one; deliveries resume then.",
					now);
			return;
		}
		String signature = WebhookSignature.header(now.getEpochSecond(), delivery.payload(), signing);
		try {
			int status = this.http.post(URI.create(url.get()), delivery.payload(), signature, delivery.id().toString());
			if (status >= 200 && status < 300) {
				this.deliveries.delivered(delivery, status, now);
			}
			else {
				retryLater(delivery, status, "The callback answered HTTP " + status + ".", now);
			}
		}
		catch (CallbackAddressPolicy.RefusedAddressException ex) {
			retryLater(delivery, null, "Refused: the callbackUrl " + ex.getMessage() + ".", now);
		}
		catch (IOException | RuntimeException ex) {
			retryLater(delivery, null, "The callback could not be reached: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : ""), now);
		}
	}

	private void retryLater(WebhookDelivery delivery, Integer status, String error, Instant now) {
		int attempt = delivery.attempts() + 1;
		Duration wait = this.properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
		if (wait.compareTo(this.properties.maxRetry()) > 0) {
			wait = this.properties.maxRetry();
		}
		// full jitter in [wait/2, wait]: partners that failed together do not retry
		// together
		long millis = wait.toMillis();
		Duration jittered = Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
		Instant next = now.plus(jittered);
		boolean giveUp = next.isAfter(delivery.createTime().plus(this.properties.giveUpAfter()));
		this.deliveries.failed(delivery, status, error, now, giveUp ? null : next);
	}

}
