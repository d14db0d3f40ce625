package com.cloudpartner.billing.repricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.rating.Repricing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customer repricing configs, one version per effective month: the version with the
 * latest effective month not after the rated month applies.
 */
@Repository
public class RepricingConfigs {

	private static final TypeReference<List<Repricing.Override>> OVERRIDES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RepricingConfigs(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The repricing of every customer of the account that has one in force in the month.
	 */
	public Map<String, Repricing> inForce(String accountId, YearMonth month) {
		Map<String, Repricing> result = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (customer_id) customer_id, rebilling_basis, adjustment_percent, sku_group_overrides
				from repricing_config where account_id = :account and effective_month <= :month
				order by customer_id, effective_month desc""")
			.param("account", accountId)
			.param("month", month.toString())
			.query((rs, n) -> {
				String customer = rs.getString(1);
				result.put(customer,
						new Repricing(Repricing.Basis.valueOf(rs.getString(2)), rs.getBigDecimal(3),
								this.json.readValue(rs.getString(4), OVERRIDES),
								"accounts/" + accountId + "/customers/" + customer + "/repricingConfig"));
				return customer;
			})
			.list();
		return result;
	}

	Optional<Stored> latest(String accountId, String customerId) {
		return this.jdbc.sql("""
				select effective_month, rebilling_basis, adjustment_percent, sku_group_overrides, updated_at
				from repricing_config where account_id = :account and customer_id = :customer
				order by effective_month desc limit 1""")
			.param("account", accountId)
			.param("customer", customerId)
			.query((rs, n) -> new Stored(YearMonth.parse(rs.getString(1)), Repricing.Basis.valueOf(rs.getString(2)),
					rs.getBigDecimal(3), this.json.readValue(rs.getString(4), OVERRIDES),
					rs.getObject(5, OffsetDateTime.class).toInstant()))
			.optional();
	}

	void save(String accountId, String customerId, Stored config) {
		this.jdbc.sql("""
				insert into repricing_config (account_id, customer_id, effective_month, rebilling_basis,
				    adjustment_percent, sku_group_overrides, updated_at)
				values (:account, :customer, :month, :basis, :percent, :overrides, :at)
				on conflict (account_id, customer_id, effective_month) do update
				set rebilling_basis = excluded.rebilling_basis, adjustment_percent = excluded.adjustment_percent,
				    sku_group_overrides = excluded.sku_group_overrides, updated_at = excluded.updated_at""")
			.param("account", accountId)
			.param("customer", customerId)
			.param("month", config.effectiveMonth().toString())
			.param("basis", config.basis().name())
			.param("percent", config.adjustmentPercent())
			.param("overrides", this.json.writeValueAsString(config.overrides()))
			.param("at", config.updateTime().atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	record Stored(YearMonth effectiveMonth, Repricing.Basis basis, BigDecimal adjustmentPercent,
			List<Repricing.Override> overrides, Instant updateTime) {
	}

}
