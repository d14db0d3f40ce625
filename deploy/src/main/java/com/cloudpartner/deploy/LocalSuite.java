package com.cloudpartner.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker and the five services,
 * each service in its own JVM configured by environment variables exactly as in
 * production. {@link #close()} stops everything it started, services first.
 */
public final class LocalSuite implements AutoCloseable {

	private final LocalRunSettings settings;

	private final List<ChildProcess> services = Collections.synchronizedList(new ArrayList<>());

	private LocalPostgres postgres;

	private ChildProcess kafka;

	private LocalMail mail;

	private Duration startTime;

	public LocalSuite(LocalRunSettings settings) {
		this.settings = settings;
	}

	/** Starts everything and waits until every service reports UP. */
	public LocalSuite start() throws Exception {
		Instant begin = Instant.now();
		Files.createDirectories(this.settings.logs());
		this.postgres = LocalPostgres.start(this.settings);
		this.postgres.createDatabases();
		this.kafka = LocalKafka.start(this.settings);
		this.mail = LocalMail.start(this.settings);
		List<ServiceSpec> specs = specs();
		for (ServiceSpec spec : specs) {
			this.services.add(launch(spec));
		}
		awaitHealthy(specs, Duration.ofSeconds(240));
		this.startTime = Duration.between(begin, Instant.now());
		return this;
	}

	private ChildProcess launch(ServiceSpec spec) throws IOException {
		return ChildProcess.start(spec.module(),
				ChildProcess.java(this.settings.serviceJavaOptions(), "-jar", jarOf(spec.module()).toString()),
				environment(spec), this.settings.logs().resolve(spec.module() + ".log"));
	}

	// --- faults, for the fault suite: each part can be killed, frozen, stopped and
	// started again while the rest keeps running

	/** Kills a service with SIGKILL: no shutdown hook, no graceful stop. */
	public void kill(String module) throws InterruptedException {
		ChildProcess process = service(module);
		process.kill();
	}

	/** Suspends (SIGSTOP) or resumes (SIGCONT) a service: a process that hangs. */
	public void freeze(String module, boolean frozen) throws IOException, InterruptedException {
		signal(service(module).pid(), frozen ? "-STOP" : "-CONT");
	}

	/** Starts a stopped or killed service again and waits until it reports UP. */
	public void restart(String module) throws Exception {
		int index = indexOf(module);
		ServiceSpec spec = specs().get(index);
		ChildProcess old = this.services.get(index);
		old.stop();
		this.services.set(index, launch(spec));
		awaitHealthy(List.of(spec), Duration.ofSeconds(240));
	}

	/** Stops the Kafka broker (SIGTERM, a controlled shutdown). */
	public void stopKafka() {
		this.kafka.stop();
	}

	/** Starts the Kafka broker again on its kept log directory. */
	public void startKafka() throws IOException, InterruptedException {
		this.kafka = LocalKafka.start(this.settings);
	}

	/** Stops PostgreSQL (a fast shutdown: open connections are cut). */
	public void stopPostgres() throws IOException {
		this.postgres.close();
	}

	/** Starts PostgreSQL again on its kept data directory and port. */
	public void startPostgres() throws IOException {
		this.postgres = LocalPostgres.start(this.settings);
	}

	/** The JDBC URL, user and password of a service's database, for a test's checks. */
	public String[] database(String name) {
		return new String[] { this.postgres.urlOf(name), this.postgres.user(), this.postgres.password() };
	}

	private ChildProcess service(String module) {
		return this.services.get(indexOf(module));
	}

	private int indexOf(String module) {
		List<ServiceSpec> specs = specs();
		for (int i = 0; i < specs.size(); i++) {
			if (specs.get(i).module().equals(module)) {
				return i;
			}
		}
		throw new IllegalArgumentException("No service " + module);
	}

	private static void signal(long pid, String signal) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IOException("kill " + signal + " " + pid + " failed");
		}
	}

	List<ServiceSpec> specs() {
		LocalRunSettings s = this.settings;
		return List.of(new ServiceSpec("partner-service", s.partnerPort(), "partner_service"),
				new ServiceSpec("entitlement-service", s.entitlementPort(), "entitlement_service"),
				new ServiceSpec("billing-service", s.billingPort(), "billing_service"),
				new ServiceSpec("console-service", s.consolePort(), null),
				new ServiceSpec("gateway", s.gatewayPort(), null));
	}

	Map<String, String> environment(ServiceSpec spec) {
		LocalRunSettings s = this.settings;
		Map<String, String> env = new HashMap<>();
		env.put("SERVER_PORT", Integer.toString(spec.port()));
		env.put("SPRING_PROFILES_ACTIVE", s.profile());
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + s.kafkaPort());
		env.put("PLATFORM_SECURITY_JWKS_URI", "http://localhost:" + s.partnerPort() + "/.well-known/jwks.json");
		env.put("PLATFORM_SERVICES_PARTNER", "http://localhost:" + s.partnerPort());
		env.put("PLATFORM_SERVICES_ENTITLEMENT", "http://localhost:" + s.entitlementPort());
		env.put("PLATFORM_SERVICES_BILLING", "http://localhost:" + s.billingPort());
		env.put("PLATFORM_SERVICES_CONSOLE", "http://localhost:" + s.consolePort());
		env.put("PLATFORM_CONSOLE_PUBLIC_URL", s.gatewayUrl() + "/console");
		env.put("PLATFORM_OPENAPI_SERVER_URL", s.gatewayUrl());
		env.put("SPRING_MAIL_HOST", "localhost");
		env.put("SPRING_MAIL_PORT", Integer.toString(s.smtpPort()));
		if (spec.database() != null) {
			env.put("SPRING_DATASOURCE_URL", this.postgres.urlOf(spec.database()));
			env.put("SPRING_DATASOURCE_USERNAME", this.postgres.user());
			env.put("SPRING_DATASOURCE_PASSWORD", this.postgres.password());
		}
		return env;
	}

	private Path jarOf(String module) throws IOException {
		Path target = this.settings.repoRoot().resolve(module).resolve("target");
		if (Files.isDirectory(target)) {
			try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-exec.jar")) {
				for (Path jar : jars) {
					return jar;
				}
			}
		}
		throw new IllegalStateException("No runnable jar for " + module + " under " + target
				+ ": build first with ./mvnw -DskipTests package (deploy/run-local.sh does)");
	}

	private void awaitHealthy(List<ServiceSpec> specs, Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plus(timeout);
		for (int i = 0; i < specs.size(); i++) {
			ServiceSpec spec = specs.get(i);
			ChildProcess process = this.services.get(indexOf(spec.module()));
			while (!isUp(http, spec.port())) {
				if (!process.isAlive()) {
					throw new IllegalStateException(spec.module() + " stopped while starting (log: " + process.log()
							+ "):\n" + process.tail(60));
				}
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(spec.module() + " did not report UP within " + timeout.toSeconds()
							+ " s (log: " + process.log() + "):\n" + process.tail(60));
				}
				TimeUnit.MILLISECONDS.sleep(500);
			}
		}
	}

	private static boolean isUp(HttpClient http, int port) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** A service that died after the start, if any. */
	public String deadService() {
		synchronized (this.services) {
			return this.services.stream().filter((p) -> !p.isAlive()).map(ChildProcess::name).findFirst().orElse(null);
		}
	}

	public Duration startTime() {
		return this.startTime;
	}

	public LocalRunSettings settings() {
		return this.settings;
	}

	/** The process ids of everything started, for memory measurements. */
	public List<Long> pids() {
		List<Long> pids = new ArrayList<>();
		this.services.forEach((p) -> pids.add(p.pid()));
		if (this.kafka != null) {
			pids.add(this.kafka.pid());
		}
		return pids;
	}

	String describePostgres() {
		return this.postgres.describe();
	}

	@Override
	public void close() {
		List<ChildProcess> running;
		synchronized (this.services) {
			running = new ArrayList<>(this.services);
		}
		Collections.reverse(running);
		running.parallelStream().forEach(ChildProcess::stop);
		if (this.kafka != null) {
			this.kafka.stop();
		}
		if (this.mail != null) {
			this.mail.close();
		}
		if (this.postgres != null) {
			try {
				this.postgres.close();
			}
			catch (IOException ex) {
				System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
		}
	}

	record ServiceSpec(String module, int port, String database) {
	}

}
