package com.cloudpartner.partner.accounts;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class AccountsWebConfiguration {

	/** After platform-support's bearer-token filter, which verifies the token. */
	@Bean
	FilterRegistrationBean<SuspendedPartnerFilter> suspendedPartnerFilter(PartnerAccountManagement accounts) {
		FilterRegistrationBean<SuspendedPartnerFilter> registration = new FilterRegistrationBean<>(
				new SuspendedPartnerFilter(accounts));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/v1/*");
		return registration;
	}

	/**
	 * partner-events keeps its records forever: the gateway and the other services
	 * rebuild partner state (suspensions, contracts) from the whole topic.
	 */
	@Bean
	NewTopic partnerEventsTopic() {
		return TopicBuilder.name(PartnerAccountManagement.TOPIC)
			.partitions(3)
			.replicas(1)
			.config("retention.ms", "-1")
			.build();
	}

}
