package com.cloudpartner.billing.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Two clocks: the real one (primary, for token lifetimes) and the billing clock that
 * decides months and due dates.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

	@Bean
	@Primary
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	BillingClock billingClock() {
		return new BillingClock();
	}

}
