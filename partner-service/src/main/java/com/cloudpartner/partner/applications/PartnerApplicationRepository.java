package com.cloudpartner.partner.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cloudpartner.partner.paging.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnerApplicationRepository {

	private final JdbcClient jdbc;

	PartnerApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the member has a pending application
	 */
	boolean insert(PartnerApplication application) {
		return this.jdbc.sql("""
				insert into partner_application (id, member_id, business_registration_number, contact_name,
				    contact_email, contact_phone, message, state, created_at)
				values (:id, :member, :brn, :contactName, :contactEmail, :contactPhone, :message, 'SUBMITTED', :now)
				on conflict do nothing
				""")
			.param("id", application.id())
			.param("member", application.memberId())
			.param("brn", application.businessRegistrationNumber())
			.param("contactName", application.contactName())
			.param("contactEmail", application.contactEmail())
			.param("contactPhone", application.contactPhone())
			.param("message", application.message())
			.param("now", Timestamp.from(application.createTime()))
			.update() == 1;
	}

	Optional<PartnerApplication> find(UUID id) {
		return this.jdbc.sql("select * from partner_application where id = :id")
			.param("id", id)
			.query(PartnerApplicationRepository::map)
			.optional();
	}

	Optional<PartnerApplication> findForUpdate(UUID id) {
		return this.jdbc.sql("select * from partner_application where id = :id for update")
			.param("id", id)
			.query(PartnerApplicationRepository::map)
			.optional();
	}

	void decide(UUID id, PartnerApplication.State state, String reason, String accountId, String by, Instant now) {
		this.jdbc.sql("""
				update partner_application set state = :state, reason = :reason, account_id = :account,
				    decided_at = :now, decided_by = :by
				where id = :id
				""")
			.param("id", id)
			.param("state", state.name())
			.param("reason", reason)
			.param("account", accountId)
			.param("by", by)
			.param("now", Timestamp.from(now))
			.update();
	}

	List<PartnerApplication> list(PartnerApplication.State state, UUID memberId, PageRequest page) {
		StringBuilder sql = new StringBuilder("select * from partner_application where true ");
		if (state != null) {
			sql.append("and state = :state ");
		}
		if (memberId != null) {
			sql.append("and member_id = :member ");
		}
		if (!page.first()) {
			sql.append("and (created_at, id::text) > (:after, :afterId) ");
		}
		var spec = this.jdbc.sql(sql + "order by created_at, id::text limit :limit").param("limit", page.size() + 1);
		if (state != null) {
			spec = spec.param("state", state.name());
		}
		if (memberId != null) {
			spec = spec.param("member", memberId);
		}
		if (!page.first()) {
			spec = spec.param("after", Timestamp.from(page.after())).param("afterId", page.afterId());
		}
		return spec.query(PartnerApplicationRepository::map).list();
	}

	private static PartnerApplication map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new PartnerApplication(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
				rs.getString("business_registration_number"), rs.getString("contact_name"),
				rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("message"),
				PartnerApplication.State.valueOf(rs.getString("state")), rs.getString("reason"),
				rs.getString("account_id"), rs.getTimestamp("created_at").toInstant(),
				(decided != null) ? decided.toInstant() : null, rs.getString("decided_by"));
	}

}
