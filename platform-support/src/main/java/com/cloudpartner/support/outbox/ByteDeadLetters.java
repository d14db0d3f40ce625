package com.cloudpartner.support.outbox;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The producer of dead letters whose records were read as bytes (billing reads usage that
 * way), with the service's producer settings: they go to their dead letter topic as the
 * same bytes, whether a listener puts its poison there or the platform's error handler a
 * batch that failed for good. Its Kafka producer is made on the first such dead letter.
 */
public final class ByteDeadLetters implements DisposableBean {

	private final DefaultKafkaProducerFactory<String, byte[]> producers;

	private final KafkaTemplate<String, byte[]> template;

	public ByteDeadLetters(Map<String, Object> settings) {
		this.producers = new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new ByteArraySerializer());
		this.template = new KafkaTemplate<>(this.producers);
	}

	public KafkaTemplate<String, byte[]> template() {
		return this.template;
	}

	@Override
	public void destroy() {
		this.producers.destroy();
	}

}
