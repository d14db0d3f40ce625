package com.cloudpartner.support.config;

import java.time.Duration;
import java.util.function.BiFunction;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.outbox.ByteDeadLetters;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.outbox.OutboxRelay;
import com.cloudpartner.support.outbox.ProcessedEvents;
import com.cloudpartner.support.problem.TransientFailures;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The transactional outbox and the consumer side of the event plumbing (idempotence
 * records, retries, {@code <topic>.DLT} for poison records) wherever a service has both a
 * database and Kafka.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ KafkaTemplate.class, JdbcClient.class })
@ConditionalOnBean({ JdbcClient.class, KafkaTemplate.class, PlatformTransactionManager.class })
public class PlatformOutboxAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions,
			KafkaTemplate<String, String> kafka, @Value("${platform.outbox.poll-interval:500ms}") Duration pollInterval,
			@Value("${platform.outbox.retention:7d}") Duration retention) {
		return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka, pollInterval, retention);
	}

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
		return new Outbox(jdbc, json, relay);
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessedEvents processedEvents(JdbcClient jdbc) {
		return new ProcessedEvents(jdbc);
	}

	@Bean
	@ConditionalOnMissingBean
	ByteDeadLetters byteDeadLetters(KafkaTemplate<String, String> kafka) {
		return new ByteDeadLetters(kafka.getProducerFactory().getConfigurationProperties());
	}

	@Bean
	@ConditionalOnMissingBean
	CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, ByteDeadLetters bytes) {
		BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> topic = (record,
				ex) -> new TopicPartition(record.topic() + ".DLT", -1);
		var deadLetters = new DeadLetterPublishingRecoverer(kafka, topic);
		var byteDeadLetters = new DeadLetterPublishingRecoverer(bytes.template(), topic);
		var backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxElapsedTime(3_000);
		return new DefaultErrorHandler((record, ex) -> {
			if (TransientFailures.causes(ex)) {
				// a recoverer that throws makes the container seek back: the record (or
				// the whole batch) comes again after the back-off, until the database
				// is back; it was never the record's fault (decision 0071)
				throw new IllegalStateException("Not dead-lettered, the database is unavailable: " + ex, ex);
			}
			// a template of strings cannot serialize bytes: it would throw, and the
			// batch would come back for ever
			((record.value() instanceof byte[]) ? byteDeadLetters : deadLetters).accept(record, ex);
		}, backOff);
	}

}
