package com.cloudpartner.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process),
 * run from the Kafka artifacts on the launcher's class path. Its log directory is
 * formatted once and kept, so topics and offsets survive a restart.
 */
final class LocalKafka {

	private LocalKafka() {
	}

	static ChildProcess start(LocalRunSettings settings) throws IOException, InterruptedException {
		Path home = settings.dataDir().resolve("kafka");
		Path logDir = home.resolve("log");
		Files.createDirectories(logDir);
		Path properties = home.resolve("server.properties");
		Files.writeString(properties, serverProperties(settings, logDir));
		Path log4j = home.resolve("log4j2.properties");
		Files.writeString(log4j, """
				rootLogger.level = WARN
				rootLogger.appenderRef.out.ref = out
				appender.out.type = Console
				appender.out.name = out
				appender.out.layout.type = PatternLayout
				appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
				logger.kafka.name = kafka.server.KafkaRaftServer
				logger.kafka.level = INFO
				""");
		String classPath = System.getProperty("java.class.path");
		String javaOptions = "-Xms128m -Xmx512m -XX:+UseSerialGC -Dlog4j2.configurationFile=" + log4j;
		Path logFile = settings.logs().resolve("kafka.log");
		if (!Files.exists(logDir.resolve("meta.properties"))) {
			ChildProcess format = ChildProcess.start("kafka-format",
					ChildProcess.java(javaOptions, "-cp", classPath, "kafka.tools.StorageTool", "format",
							"--standalone", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()),
					Map.of(), logFile);
			waitForExit(format, Duration.ofSeconds(60));
		}
		ChildProcess broker = ChildProcess.start("kafka",
				ChildProcess.java(javaOptions, "-cp", classPath, "kafka.Kafka", properties.toString()), Map.of(),
				logFile);
		awaitPort(broker, settings.kafkaPort(), Duration.ofSeconds(90));
		return broker;
	}

	static String serverProperties(LocalRunSettings settings, Path logDir) {
		int client = settings.kafkaPort();
		int controller = client + 1;
		return String.join("\n",
				List.of("process.roles=broker,controller", "node.id=1",
						"controller.quorum.bootstrap.servers=localhost:" + controller,
						"listeners=PLAINTEXT://localhost:" + client + ",CONTROLLER://localhost:" + controller,
						"advertised.listeners=PLAINTEXT://localhost:" + client, "controller.listener.names=CONTROLLER",
						"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
						"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + logDir, "num.partitions=3",
						"auto.create.topics.enable=true", "offsets.topic.replication.factor=1",
						"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
						"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
						"group.initial.rebalance.delay.ms=0", "log.retention.hours=168"))
				+ "\n";
	}

	private static void waitForExit(ChildProcess process, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (process.isAlive() && Instant.now().isBefore(deadline)) {
			TimeUnit.MILLISECONDS.sleep(200);
		}
		if (process.isAlive()) {
			process.stop();
			throw new IllegalStateException("Formatting the Kafka log directory hung:\n" + process.tail(30));
		}
	}

	static void awaitPort(ChildProcess process, int port, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(process.name() + " stopped while starting:\n" + process.tail(40));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", port), 300);
				return;
			}
			catch (IOException ex) {
				TimeUnit.MILLISECONDS.sleep(300);
			}
		}
		throw new UncheckedIOException(new IOException(process.name() + " did not open port " + port + " within "
				+ timeout.toSeconds() + " s:\n" + process.tail(40)));
	}

}
