package com.cloudpartner.gateway.partners;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * The listener container of {@link PartnerEventsListener}: Spring Boot's settings, but
 * offsets are never committed. Each instance reads the topic from the start under a group
 * of its own; a group without committed offsets is dropped by the broker as soon as its
 * member leaves, instead of lingering (with its offsets) after every restart.
 */
@Configuration(proxyBeanMethods = false)
class PartnerEventsConsumerConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> partnerEventsContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		return factory;
	}

}
