package com.cloudpartner.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * billing-service: usage ingestion and metering, the price book, rating and month-to-date
 * charges (later: billing runs, invoices, payments and the billing export).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(BillingServiceApplication.class, args);
	}

}
