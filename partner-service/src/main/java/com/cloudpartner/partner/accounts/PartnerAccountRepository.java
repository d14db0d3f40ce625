package com.cloudpartner.partner.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnerAccountRepository {

	private static final TypeReference<List<PartnerAccount.Contact>> CONTACTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PartnerAccountRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<PartnerAccount> find(String id) {
		return this.jdbc.sql("select * from partner_account where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<PartnerAccount> findForUpdate(String id) {
		return this.jdbc.sql("select * from partner_account where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean publicIdTaken(String publicId) {
		return this.jdbc.sql("select exists (select 1 from partner_account where public_id = :p)")
			.param("p", publicId)
			.query(Boolean.class)
			.single();
	}

	List<PartnerAccount> list(PartnerAccount.State state, com.cloudpartner.partner.paging.PageRequest page) {
		String where = (state != null) ? "where state = :state " : "where true ";
		String after = page.first() ? "" : "and (created_at, id) > (:after, :afterId) ";
		var spec = this.jdbc
			.sql("select * from partner_account " + where + after + "order by created_at, id limit :limit")
			.param("limit", page.size() + 1);
		if (state != null) {
			spec = spec.param("state", state.name());
		}
		if (!page.first()) {
			spec = spec.param("after", Timestamp.from(page.after())).param("afterId", page.afterId());
		}
		return spec.query(this::map).list();
	}

	void updateState(String id, PartnerAccount.State state, Instant now) {
		this.jdbc.sql("update partner_account set state = :state, updated_at = :now where id = :id")
			.param("id", id)
			.param("state", state.name())
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<String> findState(String id) {
		return this.jdbc.sql("select state from partner_account where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * @return false when the id or the public id is taken
	 */
	boolean insert(PartnerAccount account) {
		return this.jdbc
			.sql("""
					insert into partner_account (id, public_id, display_name, state, contract_reference,
					    supply_discount_percent, currency_code, contacts, console_session_ttl_minutes, created_at, updated_at)
					values (:id, :publicId, :displayName, :state, :reference, :discount, :currency, cast(:contacts as jsonb),
					    :ttl, :created, :created)
					on conflict do nothing
					""")
			.param("id", account.id())
			.param("publicId", account.publicId())
			.param("displayName", account.displayName())
			.param("state", account.state().name())
			.param("reference", account.contract().reference())
			.param("discount", account.contract().supplyDiscountPercent())
			.param("currency", account.contract().currencyCode())
			.param("contacts", this.json.writeValueAsString(account.settings().contacts()))
			.param("ttl", account.settings().consoleSessionTtlMinutes())
			.param("created", Timestamp.from(account.createTime()))
			.update() == 1;
	}

	void update(PartnerAccount account) {
		PartnerAccount.Settings settings = account.settings();
		this.jdbc.sql("""
				update partner_account set contract_reference = :reference, supply_discount_percent = :discount,
				    currency_code = :currency, contacts = cast(:contacts as jsonb), callback_url = :callbackUrl,
				    console_login_url = :consoleLoginUrl, console_session_ttl_minutes = :ttl,
				    tax_contact = cast(:taxContact as jsonb), branding_display_name = :brandingName,
				    branding_logo_url = :logoUrl, branding_primary_color = :color, updated_at = :updated
				where id = :id
				""")
			.param("id", account.id())
			.param("reference", account.contract().reference())
			.param("discount", account.contract().supplyDiscountPercent())
			.param("currency", account.contract().currencyCode())
			.param("contacts", this.json.writeValueAsString(settings.contacts()))
			.param("callbackUrl", settings.callbackUrl())
			.param("consoleLoginUrl", settings.consoleLoginUrl())
			.param("ttl", settings.consoleSessionTtlMinutes())
			.param("taxContact",
					(settings.taxContact() != null) ? this.json.writeValueAsString(settings.taxContact()) : null)
			.param("brandingName", settings.branding().displayName())
			.param("logoUrl", settings.branding().logoUrl())
			.param("color", settings.branding().primaryColor())
			.param("updated", Timestamp.from(account.updateTime()))
			.update();
	}

	void insertBillingAccount(BillingAccount billingAccount, Instant created) {
		this.jdbc.sql("""
				insert into billing_account (account_id, id, display_name, currency_code, region_code, created_at)
				values (:accountId, :id, :displayName, :currency, :region, :created)
				""")
			.param("accountId", billingAccount.accountId())
			.param("id", billingAccount.id())
			.param("displayName", billingAccount.displayName())
			.param("currency", billingAccount.currencyCode())
			.param("region", billingAccount.regionCode())
			.param("created", Timestamp.from(created))
			.update();
	}

	private PartnerAccount map(ResultSet rs, int row) throws SQLException {
		String taxContact = rs.getString("tax_contact");
		PartnerAccount.Settings settings = new PartnerAccount.Settings(
				this.json.readValue(rs.getString("contacts"), CONTACTS), rs.getString("callback_url"),
				rs.getString("console_login_url"), rs.getInt("console_session_ttl_minutes"),
				(taxContact != null) ? this.json.readValue(taxContact, PartnerAccount.Contact.class) : null,
				new PartnerAccount.Branding(rs.getString("branding_display_name"), rs.getString("branding_logo_url"),
						rs.getString("branding_primary_color")));
		PartnerAccount.Contract contract = new PartnerAccount.Contract(rs.getString("contract_reference"),
				rs.getBigDecimal("supply_discount_percent").stripTrailingZeros(), rs.getString("currency_code"));
		return new PartnerAccount(rs.getString("id"), rs.getString("public_id"), rs.getString("display_name"),
				PartnerAccount.State.valueOf(rs.getString("state")), contract, settings,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
