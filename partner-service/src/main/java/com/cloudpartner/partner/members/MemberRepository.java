package com.cloudpartner.partner.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the login id or the e-mail is taken
	 */
	boolean insert(Member member, String passwordHash) {
		Member.Company company = member.company();
		Member.Agreements agreed = member.agreements();
		return this.jdbc
			.sql("""
					insert into member (id, login_id, password_hash, name, email, mobile_phone, landline_phone, company_name,
					    business_registration_number, corporate_registration_number, terms_agreed_at, privacy_agreed_at,
					    marketing_email_agreed_at, state, created_at, updated_at)
					values (:id, :loginId, :hash, :name, :email, :mobile, :landline, :company, :brn, :crn, :terms, :privacy,
					    :marketing, :state, :now, :now)
					on conflict do nothing
					""")
			.param("id", member.id())
			.param("loginId", member.loginId())
			.param("hash", passwordHash)
			.param("name", member.name())
			.param("email", member.email())
			.param("mobile", member.mobilePhone())
			.param("landline", member.landlinePhone())
			.param("company", company.name())
			.param("brn", company.businessRegistrationNumber())
			.param("crn", company.corporateRegistrationNumber())
			.param("terms", ts(agreed.terms()))
			.param("privacy", ts(agreed.privacy()))
			.param("marketing", ts(agreed.marketingEmail()))
			.param("state", member.state().name())
			.param("now", ts(member.createTime()))
			.update() == 1;
	}

	boolean loginIdTaken(String loginId) {
		return exists("select exists (select 1 from member where lower(login_id) = lower(:v))", loginId);
	}

	boolean emailTaken(String email) {
		return exists("select exists (select 1 from member where lower(email) = lower(:v))", email);
	}

	private boolean exists(String sql, String value) {
		return this.jdbc.sql(sql).param("v", value).query(Boolean.class).single();
	}

	Optional<Member> find(UUID id) {
		return this.jdbc.sql("select * from member where id = :id").param("id", id).query(this::map).optional();
	}

	Optional<Member> findForUpdate(UUID id) {
		return this.jdbc.sql("select * from member where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<Stored> findByLoginIdForUpdate(String loginId) {
		return this.jdbc.sql("select * from member where lower(login_id) = lower(:loginId) for update")
			.param("loginId", loginId)
			.query((rs, n) -> new Stored(map(rs, n), rs.getString("password_hash")))
			.optional();
	}

	Optional<Member> findByNameAndEmail(String name, String email) {
		return this.jdbc.sql("select * from member where name = :name and lower(email) = lower(:email)")
			.param("name", name)
			.param("email", email)
			.query(this::map)
			.optional();
	}

	void activate(UUID id, Instant now) {
		this.jdbc.sql("""
				update member set state = 'ACTIVE', verified_at = coalesce(verified_at, :now), updated_at = :now
				where id = :id
				""").param("id", id).param("now", ts(now)).update();
	}

	void recordFailure(UUID id, int failures, Instant lockedUntil, Instant now) {
		this.jdbc.sql("update member set failed_logins = :f, locked_until = :until, updated_at = :now where id = :id")
			.param("id", id)
			.param("f", failures)
			.param("until", ts(lockedUntil))
			.param("now", ts(now))
			.update();
	}

	void recordSuccess(UUID id) {
		this.jdbc.sql("update member set failed_logins = 0, locked_until = null where id = :id")
			.param("id", id)
			.update();
	}

	void changePassword(UUID id, String hash, Instant now) {
		this.jdbc.sql("""
				update member set password_hash = :hash, failed_logins = 0, locked_until = null, updated_at = :now
				where id = :id
				""").param("id", id).param("hash", hash).param("now", ts(now)).update();
	}

	/** Makes the member the admin of a partner account. */
	void assignAccount(UUID id, String accountId, Instant now) {
		this.jdbc.sql("update member set account_id = :account, updated_at = :now where id = :id")
			.param("id", id)
			.param("account", accountId)
			.param("now", ts(now))
			.update();
	}

	void insertToken(String hash, UUID memberId, String purpose, Instant now, Instant expires) {
		this.jdbc.sql("""
				insert into member_token (token_hash, member_id, purpose, created_at, expires_at)
				values (:hash, :member, :purpose, :now, :expires)
				""")
			.param("hash", hash)
			.param("member", memberId)
			.param("purpose", purpose)
			.param("now", ts(now))
			.param("expires", ts(expires))
			.update();
	}

	/** Marks an unused, unexpired token used; returns its member. */
	Optional<UUID> useToken(String hash, String purpose, Instant now) {
		return this.jdbc.sql("""
				update member_token set used_at = :now
				where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
				returning member_id
				""").param("hash", hash).param("purpose", purpose).param("now", ts(now)).query(UUID.class).optional();
	}

	boolean hasPendingToken(UUID memberId, String purpose, Instant now) {
		return this.jdbc.sql("""
				select exists (select 1 from member_token where member_id = :member and purpose = :purpose
				    and used_at is null and expires_at > :now)
				""")
			.param("member", memberId)
			.param("purpose", purpose)
			.param("now", ts(now))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Ends every open token of the purpose (a new verification mail replaces the old).
	 */
	void expireTokens(UUID memberId, String purpose, Instant now) {
		this.jdbc.sql("""
				update member_token set expires_at = :now
				where member_id = :member and purpose = :purpose and used_at is null and expires_at > :now
				""").param("member", memberId).param("purpose", purpose).param("now", ts(now)).update();
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private Member map(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getObject("id", UUID.class), rs.getString("login_id"), rs.getString("name"),
				rs.getString("email"), rs.getString("mobile_phone"), rs.getString("landline_phone"),
				new Member.Company(rs.getString("company_name"), rs.getString("business_registration_number"),
						rs.getString("corporate_registration_number")),
				new Member.Agreements(instant(rs, "terms_agreed_at"), instant(rs, "privacy_agreed_at"),
						instant(rs, "marketing_email_agreed_at")),
				Member.State.valueOf(rs.getString("state")), rs.getString("account_id"), rs.getInt("failed_logins"),
				instant(rs, "locked_until"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	record Stored(Member member, String passwordHash) {
	}

}
