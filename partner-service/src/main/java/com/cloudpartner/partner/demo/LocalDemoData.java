package com.cloudpartner.partner.demo;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.clients.ApiClientManagement;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/** Seeds the demo data in the local profile only. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalDemoData {

	@Bean
	DemoData demoData(PartnerAccountManagement accounts, ApiClientManagement clients) {
		return new DemoData(accounts, clients);
	}

	@Bean
	@Order(2)
	ApplicationRunner seedDemoData(DemoData demoData) {
		return (args) -> demoData.seed();
	}

}
