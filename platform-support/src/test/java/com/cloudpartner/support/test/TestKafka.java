package com.cloudpartner.support.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The one real Kafka broker of a test JVM: the one named by
 * {@code TEST_KAFKA_BOOTSTRAP_SERVERS}, a Testcontainers broker when a Docker engine
 * answers, else an embedded KRaft broker (spring-kafka-test). Never a mock.
 */
public final class TestKafka {

	private static String bootstrapServers;

	private TestKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (bootstrapServers == null) {
			bootstrapServers = start();
		}
		return bootstrapServers;
	}

	private static String start() {
		String configured = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			KafkaContainer container = new KafkaContainer("apache/kafka-native:3.8.0");
			container.start();
			return container.getBootstrapServers();
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("auto.create.topics.enable", "true");
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		return broker.getBrokersAsString();
	}

}
