package com.cloudpartner.billing.config;

import org.apache.kafka.clients.admin.NewTopic;
import tools.jackson.core.JacksonException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The topics billing reads and writes (created when missing) and the dead-lettering of
 * poison records without pointless retries.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	KafkaConfiguration(CommonErrorHandler errorHandler) {
		if (errorHandler instanceof DefaultErrorHandler handler) {
			// retrying cannot fix a record that is not what its topic promises
			handler.addNotRetryableExceptions(PoisonEventException.class, JacksonException.class);
		}
	}

	@Bean
	KafkaAdmin.NewTopics billingTopics(@Value("${platform.kafka.partitions:3}") int partitions,
			@Value("${platform.kafka.replicas:1}") int replicas) {
		return new KafkaAdmin.NewTopics(topic("usage-events", partitions, replicas),
				topic("usage-events.DLT", partitions, replicas), topic("partner-events", partitions, replicas),
				topic("partner-events.DLT", partitions, replicas), topic("entitlement-events", partitions, replicas),
				topic("entitlement-events.DLT", partitions, replicas), topic("billing-events", partitions, replicas));
	}

	private static NewTopic topic(String name, int partitions, int replicas) {
		return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
	}

}
