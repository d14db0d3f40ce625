package com.cloudpartner.billing.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.BillingIntegrationTest;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.support.test.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local run's demo contract ({@code platform.billing.demo-data}, off in the tests'
 * context, so the runner is run here as the local profile's start would): it is seeded at
 * 20% and KRW before partner-service approves the demo account, and a later start never
 * overwrites the terms that the approval brought.
 */
class LocalDemoContractIT extends BillingIntegrationTest {

	private static final String DEMO = "demo-account";

	@Autowired
	AccountContracts contracts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsTheDemoContractAndNeverOverwritesTheApprovedOne() throws Exception {
		LocalDemoContract demo = new LocalDemoContract(this.contracts);

		demo.run(new DefaultApplicationArguments());
		demo.run(new DefaultApplicationArguments());

		assertTerms("ACTIVE", "20", "KRW", "LOCAL-DEMO");
		assertThat(this.contracts.discounts(DEMO)).singleElement().satisfies((discount) -> {
			assertThat(discount.effectiveFrom()).isEqualTo(Instant.EPOCH);
			assertThat(discount.percent()).isEqualByComparingTo("20");
		});

		approve("15", "USD", "CONTRACT-2");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.contracts.find(DEMO).map(AccountContracts.AccountContract::currencyCode).orElse(""),
					"USD"::equals);
		demo.run(new DefaultApplicationArguments());

		assertTerms("ACTIVE", "15", "USD", "CONTRACT-2");
		assertThat(this.contracts.discounts(DEMO)).extracting(Contract.Discount::percent)
			.singleElement()
			.satisfies((percent) -> assertThat(percent).isEqualByComparingTo("15"));
	}

	private void assertTerms(String state, String percent, String currency, String reference) {
		AccountContracts.AccountContract contract = this.contracts.find(DEMO).orElseThrow();
		assertThat(contract.state()).isEqualTo(state);
		assertThat(contract.supplyDiscountPercent()).isEqualByComparingTo(new BigDecimal(percent));
		assertThat(contract.currencyCode()).isEqualTo(currency);
		assertThat(this.jdbc.sql("select contract_reference from billing_account_contract where account_id = :a")
			.param("a", DEMO)
			.query(String.class)
			.single()).isEqualTo(reference);
	}

	/** docs/events' partner.approved of the demo account, with other terms, on Kafka. */
	private static void approve(String percent, String currency, String reference) throws Exception {
		ObjectNode event = (ObjectNode) JsonMapper.builder()
			.build()
			.readTree(PartnerEventsJsonTests.example("partner.approved"));
		event.put("id", UUID.randomUUID().toString());
		((ObjectNode) event.at("/data/contract")).put("supplyDiscountPercent", percent)
			.put("currencyCode", currency)
			.put("reference", reference);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>("partner-events", "accounts/" + DEMO, event.toString())).get();
		}
	}

}
