package com.cloudpartner.billing.usage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The producer of accepted usage: the service's Kafka producer settings
 * ({@code spring.kafka.producer.*}: acks=all, idempotence) plus
 * {@code platform.billing.usage-producer.*} (compression, linger, batch size), with the
 * CloudEvents as the bytes the client sent, so that nothing is serialized again. It is
 * not a {@code KafkaTemplate} bean, which would replace Spring Boot's template that the
 * outbox uses.
 */
@Component
class UsageProducer implements DisposableBean {

	private final Producer<String, byte[]> producer;

	UsageProducer(KafkaProperties kafka, Environment environment) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.putAll(Binder.get(environment)
			.bind("platform.billing.usage-producer", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "billing-usage");
		// a request thread waits at most this long for the topic's metadata when the
		// broker is away (Kafka's default is 60 s)
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
		this.producer = new KafkaProducer<>(config);
	}

	/**
	 * How many partitions the topic has (from the producer's metadata, fetched once and
	 * then cached; waits at most {@code max.block.ms} when the broker is away).
	 */
	int partitions(String topic) {
		return this.producer.partitionsFor(topic).size();
	}

	/**
	 * Sends the records and waits until Kafka acknowledged every one of them.
	 * @throws TimeoutException when not all were acknowledged in time
	 * @throws Exception the first send failure
	 */
	void sendAll(List<ProducerRecord<String, byte[]>> records, Duration timeout) throws Exception {
		CountDownLatch acknowledged = new CountDownLatch(records.size());
		AtomicReference<Exception> failure = new AtomicReference<>();
		for (ProducerRecord<String, byte[]> record : records) {
			if (failure.get() != null) {
				// the broker is away (no metadata within max.block.ms, or a send
				// failed): the batch fails as a whole, without waiting once per event
				throw failure.get();
			}
			this.producer.send(record, (metadata, ex) -> {
				if (ex != null) {
					failure.compareAndSet(null, ex);
				}
				acknowledged.countDown();
			});
		}
		if (!acknowledged.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new TimeoutException(acknowledged.getCount() + " of " + records.size()
					+ " usage events not acknowledged within " + timeout);
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
