package com.cloudpartner.deploy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The README's first command: starts the whole platform on embedded parts, prints where
 * to find it, and stops everything on Ctrl-C.
 */
public final class LocalRun {

	private LocalRun() {
	}

	public static void main(String[] args) throws Exception {
		LocalRunSettings settings = LocalRunSettings.fromEnvironment(System.getenv());
		LocalSuite suite = new LocalSuite(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		AtomicBoolean stopping = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			System.out.println("\nStopping Cloud Partner Platform ...");
			suite.close();
			stopped.countDown();
			System.out.println("Stopped. Data kept in " + settings.dataDir());
		}, "local-run-shutdown"));
		System.out.println("Starting Cloud Partner Platform (data: " + settings.dataDir() + ", logs: " + settings.logs()
				+ ") ...");
		try {
			suite.start();
		}
		catch (Exception ex) {
			System.err.println("\nThe local run could not start: " + ex.getMessage());
			System.exit(1);
		}
		System.out.println(banner(suite));
		while (!stopped.await(2, TimeUnit.SECONDS)) {
			String dead = suite.deadService();
			if (dead != null && !stopping.get()) {
				System.err.println(dead + " stopped unexpectedly; see " + settings.logs().resolve(dead + ".log"));
				System.exit(2);
			}
		}
	}

	static String banner(LocalSuite suite) {
		LocalRunSettings s = suite.settings();
		String gateway = s.gatewayUrl();
		return """

				Cloud Partner Platform is up in %d s.
				  Gateway (the public API)  %s
				  Swagger UI                %s/swagger-ui.html
				  End-user console          %s/console  (POST user_id + jwt from the partner's site)
				  Operator client           local-operator / local-operator-secret
				  Demo partner client       demo-partner / demo-partner-secret  (account demo-account)
				  PostgreSQL                %s
				  Kafka                     localhost:%d (KRaft)
				  Mail (SMTP :%d)         every mail sent is saved in %s
				  Data and logs             %s
				Press Ctrl-C to stop everything.
				""".formatted(suite.startTime().toSeconds(), gateway, gateway, gateway, suite.describePostgres(),
				s.kafkaPort(), s.smtpPort(), s.dataDir().resolve("mail"), s.dataDir());
	}

}
