package com.cloudpartner.billing.usage;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what the dedupe window no longer needs, in small batches (one short transaction
 * each, so that ingestion never waits behind a long delete): the consumer's records of
 * HOUR and DAY usage, whose billing facts live on in {@code billable_hour} and
 * {@code billable_day} (which keep refusing a second count of an hour or day whatever
 * happens). Records of quantity meters (GB, COUNT, ...) are the billing facts themselves
 * (rating reads them when a price changes inside a month) and are kept. Whatever is
 * purged is older than {@link DedupeWindow#purgeCutoff()}, which the API and the consumer
 * both refuse, so a late duplicate can never count twice.
 */
@Component
public class DedupePurge {

	private static final Logger log = LoggerFactory.getLogger(DedupePurge.class);

	/** At most this many batches per table and run; the next run goes on. */
	private static final int MAX_BATCHES = 200;

	private final JdbcClient jdbc;

	private final DedupeWindow window;

	private final int batchSize;

	DedupePurge(JdbcClient jdbc, DedupeWindow window,
			@Value("${platform.billing.dedupe-purge-batch:5000}") int batchSize) {
		this.jdbc = jdbc;
		this.window = window;
		this.batchSize = batchSize;
	}

	@Scheduled(fixedDelayString = "${platform.billing.dedupe-purge-interval:10m}",
			initialDelayString = "${platform.billing.dedupe-purge-interval:10m}")
	void onSchedule() {
		purge();
	}

	/** Purges one round; returns how many records were deleted. */
	public int purge() {
		Instant cutoff = this.window.purgeCutoff();
		int records = purgeBatches("""
				delete from usage_record where ctid = any(array(
				    select ctid from usage_record where window_end < :cutoff and unit in ('HOUR', 'DAY')
				    limit :batch))""", cutoff);
		if (records > 0) {
			log.info("Dedupe window: purged {} hourly/daily usage records whose window ended before {}", records,
					cutoff);
		}
		return records;
	}

	private int purgeBatches(String sql, Instant cutoff) {
		int total = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			int deleted = this.jdbc.sql(sql)
				.param("cutoff", cutoff.atOffset(java.time.ZoneOffset.UTC))
				.param("batch", this.batchSize)
				.update();
			total += deleted;
			if (deleted < this.batchSize) {
				break;
			}
		}
		return total;
	}

}
