package com.cloudpartner.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One running platform for all the end-to-end tests of a Failsafe JVM: started by the
 * real launcher on ports beside the default ones, from an empty data folder, and stopped
 * when the JVM ends.
 */
final class SharedSuite {

	private static LocalSuite suite;

	private SharedSuite() {
	}

	static synchronized LocalSuite get() throws Exception {
		if (suite == null) {
			Path root = Path.of("").toAbsolutePath().getParent();
			Path data = Path.of("target", "e2e-data").toAbsolutePath();
			deleteRecursively(data);
			LocalRunSettings settings = LocalRunSettings
				.fromEnvironment(Map.of("PLATFORM_HOME", root.toString(), "PLATFORM_DATA_DIR", data.toString(),
						"PLATFORM_GATEWAY_PORT", "18080", "PLATFORM_FIRST_SERVICE_PORT", "18081", "PLATFORM_KAFKA_PORT",
						"19092", "PLATFORM_POSTGRES_PORT", "25432", "PLATFORM_SMTP_PORT", "13025"));
			LocalSuite started = new LocalSuite(settings);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close));
			try {
				started.start();
			}
			catch (Exception ex) {
				started.close();
				throw ex;
			}
			System.out.println("[benchmark] suite started in " + started.startTime().toMillis() + " ms; RSS "
					+ Memory.totalRssMegabytes(started.pids()) + " MB in " + started.pids().size() + " JVMs");
			suite = started;
		}
		return suite;
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
