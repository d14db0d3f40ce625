package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.web.RequestIdFilter;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts batches of usage events: validates each on its own, reports repeats of usage
 * already recorded (the consumer's records: {@link UsageIdentities}), produces the others
 * to {@code usage-events} (acks=all, idempotent producer) and answers only once Kafka
 * acknowledged every one of them (decisions 0050 and 0053). A repeat of usage this
 * instance had acknowledged lately, still on its way to the consumer, is reported too
 * ({@link RecentlyAcknowledged}, decision 0081). Charging once is the consumer's business
 * (its unique keys), so a repeat that another instance acknowledged and the consumer has
 * not stored yet is reported as accepted and produced again, harmlessly.
 */
@Service
public class UsageIngestion {

	/**
	 * The topic of accepted usage: the API's records hold arrays of events, placed by
	 * each event's resource name ({@link UsageRecords}); other producers' records hold
	 * one event keyed by it.
	 */
	public static final String TOPIC = "usage-events";

	private static final Logger log = LoggerFactory.getLogger(UsageIngestion.class);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * The most bytes of one event's JSON: an event fits one record of
	 * {@link UsageRecords#MAX_RECORD_BYTES} with its brackets, far under the producer's
	 * {@code max.request.size}. A usage event is a few hundred bytes.
	 */
	static final int MAX_EVENT_BYTES = UsageRecords.MAX_RECORD_BYTES - 2;

	/**
	 * Opens when Kafka failed half of the last few batches; while open, batches are
	 * answered {@code 503 USAGE_NOT_DURABLE} at once; after 2 s one trial batch is let
	 * through (decision 0071).
	 */
	private final CircuitBreaker kafkaBreaker = CircuitBreaker.of("usage-kafka",
			CircuitBreakerConfig.custom()
				.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
				.slidingWindowSize(4)
				.minimumNumberOfCalls(2)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(2))
				.permittedNumberOfCallsInHalfOpenState(1)
				.build());

	private final UsageIdentities identities;

	private final UsageProducer producer;

	private final DedupeWindow window;

	private final UsageRatability ratability;

	private final UsageOwnership ownership;

	private final RecentlyAcknowledged recent;

	private final Timer validation;

	private final Timer lookup;

	private final Timer kafka;

	UsageIngestion(UsageIdentities identities, UsageProducer producer, DedupeWindow window, UsageRatability ratability,
			UsageOwnership ownership, RecentlyAcknowledged recent, MeterRegistry meters) {
		this.recent = recent;
		this.ratability = ratability;
		this.ownership = ownership;
		this.identities = identities;
		this.producer = producer;
		this.window = window;
		this.validation = stage(meters, "validate");
		this.lookup = stage(meters, "lookup");
		this.kafka = stage(meters, "kafka");
	}

	/**
	 * The time a batch spends in each stage of {@link #ingest}: {@code validate} (each
	 * event), {@code lookup} (usage recorded before) and {@code kafka} (until every event
	 * is acknowledged).
	 */
	private static Timer stage(MeterRegistry meters, String stage) {
		return Timer.builder("billing.usage.ingest.stage")
			.description("Time a usage batch spends in a stage of its ingestion")
			.tag("stage", stage)
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	/**
	 * Ingests one batch.
	 * @param events the CloudEvents as received
	 * @param allowedAccount the only account the caller may report for, or {@code null}
	 * for an operator
	 * @param authorization the caller's Authorization header, to confirm at
	 * entitlement-service an entitlement billing has not heard of (decision 0073)
	 * @return what became of the batch
	 * @throws ApiProblem 503 when Kafka did not acknowledge the batch, or an entitlement
	 * could not be confirmed: nothing of the batch was accepted
	 */
	public Outcome ingest(List<Submitted> events, String allowedAccount, String authorization) {
		long started = System.nanoTime();
		List<Rejected> rejected = new ArrayList<>();
		Map<Identity, Candidate> candidates = new LinkedHashMap<>();
		Instant cutoff = this.window.apiCutoff();
		int duplicates = 0;
		List<Candidate> valid = new ArrayList<>(events.size());
		for (Submitted submitted : events) {
			UsageEventValidator.Result result = UsageEventValidator.validate(submitted.fields());
			if (result instanceof UsageEventValidator.Invalid invalid) {
				rejected.add(new Rejected(invalid.id(), invalid.reason()));
				continue;
			}
			UsageEvent event = ((UsageEventValidator.Valid) result).event();
			if (submitted.length() > MAX_EVENT_BYTES) {
				// its record would pass the producer's max.request.size: every retry
				// of its batch would be answered 503 and count against Kafka's breaker
				rejected.add(new Rejected(event.id(), "EVENT_TOO_LARGE: an event holds at most " + MAX_EVENT_BYTES
						+ " bytes of JSON; this one has " + submitted.length()));
				continue;
			}
			if (allowedAccount != null && !allowedAccount.equals(event.accountId())) {
				rejected.add(new Rejected(event.id(),
						"ACCOUNT_MISMATCH: data.accountId must be the token's account " + allowedAccount));
				continue;
			}
			String tooOld = this.window.refusal(event, cutoff);
			if (tooOld != null) {
				rejected.add(new Rejected(event.id(), tooOld));
				continue;
			}
			valid.add(new Candidate(submitted, event));
		}
		// what could not be charged or crosses into another tenant is refused before
		// repeats are counted, so that every copy of it is refused alike; the tenant is
		// checked for ratable events only, as it may need a call to entitlement-service
		UsageRatability.Batch batch = this.ratability.prepare(valid.stream().map(Candidate::event).toList());
		List<Candidate> ratable = new ArrayList<>(valid.size());
		for (Candidate candidate : valid) {
			String refusal = this.ratability.refusal(candidate.event(), batch);
			if (refusal != null) {
				rejected.add(new Rejected(candidate.event().id(), refusal));
			}
			else {
				ratable.add(candidate);
			}
		}
		UsageOwnership.Owners owners = this.ownership.prepare(ratable.stream().map(Candidate::event).toList(),
				authorization, batch.versions());
		for (Candidate candidate : ratable) {
			UsageEvent event = candidate.event();
			String refusal = this.ownership.refusal(event, owners);
			if (refusal != null) {
				rejected.add(new Rejected(event.id(), refusal));
			}
			else if (candidates.putIfAbsent(new Identity(event.accountId(), event.source(), event.id()),
					candidate) != null) {
				duplicates++;
			}
		}
		long validated = System.nanoTime();
		this.validation.record(validated - started, TimeUnit.NANOSECONDS);
		// repeats of usage acknowledged lately (still in flight to the consumer, or just
		// stored), then of usage the consumer recorded
		List<Keyed> unique = candidates.values()
			.stream()
			.map((c) -> new Keyed(c, UsageIdentities.identityKey(c.event())))
			.toList();
		boolean[] inFlight = this.recent.acknowledged(unique.stream().map(Keyed::key).toList());
		List<Keyed> fresh = new ArrayList<>(unique.size());
		for (int i = 0; i < unique.size(); i++) {
			if (inFlight[i]) {
				duplicates++;
			}
			else {
				fresh.add(unique.get(i));
			}
		}
		Set<UsageEvent> known = this.identities.recorded(fresh.stream().map((k) -> k.candidate().event()).toList());
		duplicates += known.size();
		List<Keyed> produced = fresh.stream().filter((k) -> !known.contains(k.candidate().event())).toList();
		long looked = System.nanoTime();
		this.lookup.record(looked - validated, TimeUnit.NANOSECONDS);
		if (!produced.isEmpty()) {
			produce(produced.stream().map(Keyed::candidate).toList());
			// durable now: a copy sent again before the consumer stored this one is a
			// duplicate (never remembered when Kafka did not acknowledge: produce threw)
			this.recent.remember(produced.stream().map(Keyed::key).toList());
			long acknowledged = System.nanoTime();
			this.kafka.record(acknowledged - looked, TimeUnit.NANOSECONDS);
			return new Outcome(produced.size(), duplicates, List.copyOf(rejected));
		}
		return new Outcome(0, duplicates, List.copyOf(rejected));
	}

	/**
	 * The events packed into one record per partition ({@link UsageRecords}), sent into
	 * the producer's batches (no flush per request: linger and batch size decide), then
	 * one wait for all acknowledgements.
	 */
	private void produce(Collection<Candidate> candidates) {
		String traceparent = MDC.get(RequestIdFilter.TRACEPARENT);
		byte[] trace = (traceparent != null) ? traceparent.getBytes(StandardCharsets.UTF_8) : null;
		List<UsageRecords.Packed> packed = new ArrayList<>(candidates.size());
		for (Candidate candidate : candidates) {
			Submitted submitted = candidate.submitted();
			packed.add(new UsageRecords.Packed(candidate.event().subject(), submitted.batch(), submitted.offset(),
					submitted.length()));
		}
		if (!this.kafkaBreaker.tryAcquirePermission()) {
			// Kafka failed the last batches: answer at once instead of after the
			// acknowledgement timeout, until a trial batch gets through again
			throw unavailable(null);
		}
		long sending = System.nanoTime();
		try {
			List<ProducerRecord<String, byte[]>> records = UsageRecords.of(TOPIC, this.producer.partitions(TOPIC),
					packed, trace);
			this.producer.sendAll(records, ACK_TIMEOUT);
			this.kafkaBreaker.onSuccess(System.nanoTime() - sending, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			this.kafkaBreaker.releasePermission();
			Thread.currentThread().interrupt();
			throw unavailable(ex);
		}
		catch (Exception ex) {
			this.kafkaBreaker.onError(System.nanoTime() - sending, TimeUnit.NANOSECONDS, ex);
			throw unavailable(ex);
		}
	}

	private static ApiProblem unavailable(Exception ex) {
		if (ex != null) {
			log.warn("Usage batch not acknowledged by Kafka: {}", ex.toString());
		}
		return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "USAGE_NOT_DURABLE",
				"The events could not be stored durably; nothing of this batch was accepted. Retry the same batch.");
	}

	private record Identity(String accountId, String source, String id) {
	}

	private record Candidate(Submitted submitted, UsageEvent event) {
	}

	/** A candidate with the key of its identity ({@link UsageIdentities#identityKey}). */
	private record Keyed(Candidate candidate, UUID key) {
	}

	/**
	 * One event of a batch as received.
	 *
	 * @param fields the members of the event the contract reads
	 * @param batch the batch as the client sent it
	 * @param offset where the event's JSON text starts in it: the text is what is
	 * produced to Kafka
	 * @param length the length of the event's text
	 */
	public record Submitted(EventFields fields, byte[] batch, int offset, int length) {
	}

	/**
	 * The result of a batch.
	 *
	 * @param accepted events new to the platform
	 * @param duplicates events accepted before (or repeated in the batch)
	 * @param rejected invalid events
	 */
	public record Outcome(int accepted, int duplicates, List<Rejected> rejected) {
	}

	/**
	 * An event that was not accepted.
	 *
	 * @param id its id, when it had a usable one
	 * @param reason a stable code, a colon and what is wrong
	 */
	public record Rejected(String id, String reason) {
	}

}
