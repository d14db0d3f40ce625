package com.cloudpartner.billing.usage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.support.test.TestPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CPU per event of the consumer's store of a batch
 * ({@link UsageBatchRecorder#recordAll}), without HTTP, Kafka or a load generator:
 * batches of hourly events as the ingestion benchmark sends them (a new hour of a
 * resource each), one transaction each, on one connection to real PostgreSQL; the JVM's
 * CPU is this thread's, PostgreSQL's that of the connection's backend (from /proc).
 * {@code deploy/bench/billing-bench.sh record [BATCHES]
 * [BATCH]}; prints the medians over rounds of 20 batches after 20 of warm-up;
 * {@code BENCH_RESOURCES=r} spreads the events over r servers. For experiments,
 * {@code BENCH_SQL} is run after the migrations (such as
 * {@code drop index billable_hour_by_time}: ~1 us of PostgreSQL per event).
 */
public final class UsageRecordBenchmark {

	private UsageRecordBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int batches = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int size = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		TestPostgres.Database database = TestPostgres.createDatabase("billing_record_bench");
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.url(), database.user(),
				database.password(), true);
		RecorderDatabase.migrate(dataSource, "latest");
		JdbcTemplate template = new JdbcTemplate(dataSource);
		if (System.getenv("BENCH_SQL") != null) {
			template.execute(System.getenv("BENCH_SQL"));
		}
		UsageBatchRecorder recorder = RecorderDatabase.recorder(dataSource);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		int backend = template.queryForObject("select pg_backend_pid()", Integer.class);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<Double> jvm = new ArrayList<>();
		List<Double> pg = new ArrayList<>();
		long n = 0;
		int round = 20;
		for (int b = 0; b < batches + round; b += round) {
			long jvmStart = threads.getCurrentThreadCpuTime();
			long pgStart = backendCpuNanos(backend);
			for (int i = 0; i < round; i++) {
				List<UsageEvent> events = new ArrayList<>(size);
				for (int e = 0; e < size; e++, n++) {
					events.add(event(n));
				}
				transaction.executeWithoutResult((status) -> recorder.recordAll(events));
			}
			if (b >= round) {
				jvm.add((threads.getCurrentThreadCpuTime() - jvmStart) / 1000.0 / (round * size));
				pg.add((backendCpuNanos(backend) - pgStart) / 1000.0 / (round * size));
			}
		}
		long rows = template.queryForObject("select count(*) from billable_hour", Long.class);
		if (rows != n) {
			throw new IllegalStateException(rows + " billable hours for " + n + " events");
		}
		System.out.printf(
				"record: %d events in batches of %d; per event, median of %d rounds: JVM %.1f us "
						+ "(min %.1f), PostgreSQL %.1f us (min %.1f); %d billable hours%n",
				batches * size, size, jvm.size(), median(jvm),
				jvm.stream().mapToDouble(Double::doubleValue).min().orElse(0), median(pg),
				pg.stream().mapToDouble(Double::doubleValue).min().orElse(0), rows);
		dataSource.destroy();
	}

	/**
	 * {@code BENCH_RESOURCES=r}: the events go round r servers, an hour of each in turn,
	 * as hourly metering sends them, instead of 600 hours of each server in a row.
	 */
	private static final long SPREAD = Long.parseLong(System.getenv().getOrDefault("BENCH_RESOURCES", "0"));

	/**
	 * An hour of a server: 600 hours of each of ever more servers (or an hour of each of
	 * {@link #SPREAD} servers in turn), three accounts.
	 */
	static UsageEvent event(long n) {
		long resource = (SPREAD > 0) ? n % SPREAD : n / 600;
		long hour = (SPREAD > 0) ? (n / SPREAD) % 600 : n % 600;
		String account = "bench-" + (resource % 3);
		Instant start = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(hour * 3600);
		return new UsageEvent("e" + n, "//bench",
				"accounts/" + account + "/customers/c" + resource % 100 + "/servers/s" + resource, null, account,
				"c" + resource % 100, "e" + resource, "products/bench/skus/vm", "vm-hours", MeterUnit.HOUR,
				BigDecimal.ONE, start, start.plusSeconds(3600));
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	/** user + system CPU of a process, from /proc/PID/stat, in nanoseconds. */
	private static long backendCpuNanos(int pid) throws Exception {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks * 10_000_000L;
	}

}
