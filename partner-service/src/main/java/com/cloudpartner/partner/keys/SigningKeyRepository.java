package com.cloudpartner.partner.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {

	private static final String COLUMNS = "kid, public_key, state, created_at, retired_at, expires_after";

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises key changes across instances until the transaction ends. */
	void lockForChange() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('signing_key'))").query().singleValue();
	}

	Optional<StoredPrivateKey> findActivePrivate() {
		return this.jdbc.sql("select kid, private_key_encrypted from signing_key where state = 'ACTIVE'")
			.query((rs, n) -> new StoredPrivateKey(rs.getString(1), rs.getString(2)))
			.optional();
	}

	Optional<Instant> findActiveCreatedAt() {
		return this.jdbc.sql("select created_at from signing_key where state = 'ACTIVE'")
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	List<SigningKey> findPublishable(Instant now) {
		return this.jdbc
			.sql("select " + COLUMNS + " from signing_key where state = 'ACTIVE' or expires_after > :now "
					+ "order by created_at desc")
			.param("now", Timestamp.from(now))
			.query(SigningKeyRepository::map)
			.list();
	}

	void insertActive(String kid, String encryptedPrivateKey, PublicKey publicKey, Instant now) {
		this.jdbc
			.sql("insert into signing_key (kid, private_key_encrypted, public_key, state, created_at) "
					+ "values (:kid, :private, :public, 'ACTIVE', :now)")
			.param("kid", kid)
			.param("private", encryptedPrivateKey)
			.param("public", Base64.getEncoder().encodeToString(publicKey.getEncoded()))
			.param("now", Timestamp.from(now))
			.update();
	}

	int retireActive(Instant now, Instant expiresAfter) {
		return this.jdbc
			.sql("update signing_key set state = 'RETIRED', retired_at = :now, expires_after = :expires "
					+ "where state = 'ACTIVE'")
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAfter))
			.update();
	}

	private static SigningKey map(ResultSet rs, int row) throws SQLException {
		return new SigningKey(rs.getString("kid"), publicKey(rs.getString("public_key")),
				SigningKey.State.valueOf(rs.getString("state")), instant(rs, "created_at"), instant(rs, "retired_at"),
				instant(rs, "expires_after"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static PublicKey publicKey(String base64) {
		try {
			return KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored public key is not an RSA key", ex);
		}
	}

	record StoredPrivateKey(String kid, String encrypted) {
	}

}
