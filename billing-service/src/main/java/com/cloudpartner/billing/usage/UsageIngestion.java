package com.cloudpartner.billing.usage;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts batches of usage events: validates each on its own, drops repeats of an
 * accepted (source, id), and hands the accepted ones to the {@code usage-events} topic
 * through the outbox, in the transaction that records their receipt.
 */
@Service
public class UsageIngestion {

	/** The topic of accepted usage, keyed by the resource name. */
	public static final String TOPIC = "usage-events";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	UsageIngestion(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/**
	 * Ingests one batch.
	 * @param events the CloudEvents as received
	 * @param allowedAccount the only account the caller may report for, or {@code null}
	 * for an operator
	 * @return what became of the batch
	 */
	@Transactional
	public Outcome ingest(List<JsonNode> events, String allowedAccount) {
		int accepted = 0;
		int duplicates = 0;
		List<Rejected> rejected = new ArrayList<>();
		for (JsonNode node : events) {
			UsageEventValidator.Result result = UsageEventValidator.validate(node);
			if (result instanceof UsageEventValidator.Invalid invalid) {
				rejected.add(new Rejected(invalid.id(), invalid.reason()));
				continue;
			}
			UsageEvent event = ((UsageEventValidator.Valid) result).event();
			if (allowedAccount != null && !allowedAccount.equals(event.accountId())) {
				rejected.add(new Rejected(event.id(),
						"ACCOUNT_MISMATCH: data.accountId must be the token's account " + allowedAccount));
				continue;
			}
			if (firstReceipt(event)) {
				this.outbox.append(TOPIC, event.subject(), asReceived(node, event));
				accepted++;
			}
			else {
				duplicates++;
			}
		}
		return new Outcome(accepted, duplicates, List.copyOf(rejected));
	}

	private boolean firstReceipt(UsageEvent event) {
		return this.jdbc
			.sql("insert into usage_receipt (source, event_id, account_id) values (:source, :id, :account) "
					+ "on conflict do nothing")
			.param("source", event.source())
			.param("id", event.id())
			.param("account", event.accountId())
			.update() == 1;
	}

	private static CloudEvent asReceived(JsonNode node, UsageEvent event) {
		JsonNode contentType = node.get("datacontenttype");
		JsonNode traceparent = node.get("traceparent");
		return new CloudEvent("1.0", event.id(), event.source(), UsageEvent.TYPE, event.subject(), event.time(),
				(contentType != null && contentType.isString()) ? contentType.asString() : "application/json",
				(traceparent != null && traceparent.isString()) ? traceparent.asString() : null, node.get("data"));
	}

	/**
	 * The result of a batch.
	 *
	 * @param accepted events new to the platform
	 * @param duplicates events accepted before
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
