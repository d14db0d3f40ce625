package com.cloudpartner.billing.account;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The local run's demo partner (docs/architecture.md): its contract is known to billing
 * from the start, even before partner-service's {@code partner.approved} arrives (which
 * then overwrites it with the same terms). Only with {@code platform.billing.demo-data},
 * which only the {@code local} profile sets.
 */
@Component
@ConditionalOnProperty(name = "platform.billing.demo-data", havingValue = "true")
class LocalDemoContract implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(LocalDemoContract.class);

	private final AccountContracts contracts;

	LocalDemoContract(AccountContracts contracts) {
		this.contracts = contracts;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.contracts.saveContractIfAbsent("demo-account", new BigDecimal("20"), "KRW", "LOCAL-DEMO");
		if (this.contracts.discounts("demo-account").isEmpty()) {
			this.contracts.saveVersion("demo-account", java.time.Instant.EPOCH, new BigDecimal("20"), "KRW",
					"LOCAL-DEMO");
		}
		log.info("Local demo data: contract of demo-account (20% supply discount, KRW)");
	}

}
