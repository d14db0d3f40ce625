package com.cloudpartner.partner.members;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.audit.AuditLog;
import com.cloudpartner.partner.mail.MailOutbox;
import com.cloudpartner.partner.tokens.IssuedToken;
import com.cloudpartner.partner.tokens.TokenIssuer;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members: sign-up with the rules of DOMAIN.md section 2, e-mail verification, login with
 * throttling and lockout, finding the login id and resetting the password by mail.
 */
@Service
public class MemberManagement {

	static final String VERIFY_EMAIL = "VERIFY_EMAIL";

	static final String RESET_PASSWORD = "RESET_PASSWORD";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration MAX_FAILURE_DELAY = Duration.ofSeconds(3);

	private final MemberRepository members;

	private final MailOutbox mails;

	private final PartnerAccountManagement accounts;

	private final TokenIssuer issuer;

	private final AuditLog audit;

	private final MembersProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);

	/** Compared against when the login id is unknown, so that timing says nothing. */
	private final String dummyHash = this.passwords.encode("not-a-password-1!");

	MemberManagement(MemberRepository members, MailOutbox mails, PartnerAccountManagement accounts, TokenIssuer issuer,
			AuditLog audit, MembersProperties properties, TransactionTemplate tx, Clock clock) {
		this.members = members;
		this.mails = mails;
		this.accounts = accounts;
		this.issuer = issuer;
		this.audit = audit;
		this.properties = properties;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Registers a member pending e-mail verification and mails the verification token.
	 * @throws ApiProblem 400 naming each broken rule, 409 {@code LOGIN_ID_TAKEN} or
	 * {@code EMAIL_TAKEN}
	 */
	@Transactional
	public Member signUp(SignUp request) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		errors.addAll(MemberRules.loginId("loginId", request.loginId()));
		errors.addAll(MemberRules.password("password", request.password(), request.loginId()));
		errors.addAll(MemberRules.businessRegistrationNumber("company.businessRegistrationNumber",
				request.company().businessRegistrationNumber()));
		errors.addAll(MemberRules.corporateRegistrationNumber("company.corporateRegistrationNumber",
				request.company().corporateRegistrationNumber()));
		if (!request.termsAgreed()) {
			errors.add(new ApiProblem.FieldError("agreements.terms", "must be agreed to"));
		}
		if (!request.privacyAgreed()) {
			errors.add(new ApiProblem.FieldError("agreements.privacy", "must be agreed to"));
		}
		MemberRules.check(errors);
		if (this.members.loginIdTaken(request.loginId())) {
			throw ApiProblem.conflict("LOGIN_ID_TAKEN", "The login id '" + request.loginId() + "' is taken.");
		}
		if (this.members.emailTaken(request.email())) {
			throw ApiProblem.conflict("EMAIL_TAKEN", "A member with this e-mail address exists already.");
		}
		Instant now = now();
		Member member = new Member(UUID.randomUUID(), request.loginId(), request.name().trim(), request.email().trim(),
				request.mobilePhone(), blankToNull(request.landlinePhone()), request.company(),
				new Member.Agreements(now, now, request.marketingEmailAgreed() ? now : null),
				Member.State.PENDING_VERIFICATION, null, 0, null, now, now);
		if (!this.members.insert(member, this.passwords.encode(request.password()))) {
			throw ApiProblem.conflict("LOGIN_ID_TAKEN", "The login id or the e-mail address is taken.");
		}
		sendVerification(member, now);
		return member;
	}

	/**
	 * Verifies the e-mail with the token of the verification mail (once).
	 * @throws ApiProblem 400 {@code TOKEN_INVALID}
	 */
	@Transactional
	public Member verifyEmail(String token) {
		Instant now = now();
		UUID id = this.members.useToken(hash(token), VERIFY_EMAIL, now)
			.orElseThrow(() -> ApiProblem.badRequest("TOKEN_INVALID",
					"The verification token is unknown, used or expired; ask for a new mail."));
		this.members.activate(id, now);
		return require(id);
	}

	/**
	 * Sends a new verification mail (the old token stops working) if the member waits for
	 * one.
	 */
	@Transactional
	public void resendVerification(String loginId, String email) {
		this.members.findByLoginIdForUpdate(loginId)
			.map(MemberRepository.Stored::member)
			.filter((m) -> m.state() == Member.State.PENDING_VERIFICATION && m.email().equalsIgnoreCase(email))
			.ifPresent((m) -> {
				Instant now = now();
				this.members.expireTokens(m.id(), VERIFY_EMAIL, now);
				sendVerification(m, now);
			});
	}

	/** An operator marks the e-mail verified (a support case). */
	@Transactional
	public Member verifyByOperator(UUID id, String operator) {
		Member member = this.members.findForUpdate(id).orElseThrow(MemberManagement::notFound);
		this.members.activate(id, now());
		this.audit.record(operator, "member.email-verified", "members/" + id, Map.of("loginId", member.loginId()));
		return require(id);
	}

	/**
	 * Logs a member in. A failure answers the same whether the login id or the password
	 * was wrong, later the more failures there were, and locks the login after too many.
	 * @throws ApiProblem 401 {@code LOGIN_FAILED}, 423 {@code LOGIN_LOCKED}, 403
	 * {@code EMAIL_NOT_VERIFIED}
	 */
	public IssuedToken login(String loginId, String password) {
		Attempt attempt = this.tx.execute((status) -> attempt(loginId, password));
		switch (attempt.outcome()) {
			case FAILED -> {
				pause(this.properties.failureDelay().multipliedBy(Math.max(1, attempt.failures())));
				throw ApiProblem.unauthorized("LOGIN_FAILED", "The login id or the password is wrong.");
			}
			case LOCKED -> throw new ApiProblem(HttpStatus.LOCKED, "LOGIN_LOCKED",
					"Too many failed logins: this login is locked until " + attempt.member().lockedUntil()
							+ ". Try again later or reset the password.");
			case NOT_VERIFIED -> throw ApiProblem.forbidden("EMAIL_NOT_VERIFIED",
					"Verify the e-mail address first (POST /v1/members/resend-verification sends the mail again).");
			default -> {
				return memberToken(attempt.member());
			}
		}
	}

	private Attempt attempt(String loginId, String password) {
		Instant now = now();
		Optional<MemberRepository.Stored> found = (loginId != null) ? this.members.findByLoginIdForUpdate(loginId)
				: Optional.empty();
		if (found.isEmpty()) {
			this.passwords.matches(String.valueOf(password), this.dummyHash);
			return new Attempt(Outcome.FAILED, null, 1);
		}
		Member member = found.get().member();
		if (member.lockedUntil() != null && member.lockedUntil().isAfter(now)) {
			return new Attempt(Outcome.LOCKED, member, member.failedLogins());
		}
		if (password == null || !this.passwords.matches(password, found.get().passwordHash())) {
			int failures = ((member.lockedUntil() != null) ? 0 : member.failedLogins()) + 1;
			boolean lock = failures >= this.properties.maxFailedLogins();
			Instant until = lock ? now.plus(this.properties.lockout()) : null;
			this.members.recordFailure(member.id(), lock ? 0 : failures, until, now);
			if (lock) {
				Member locked = this.members.find(member.id()).orElseThrow();
				return new Attempt(Outcome.LOCKED, locked, failures);
			}
			return new Attempt(Outcome.FAILED, member, failures);
		}
		if (member.state() != Member.State.ACTIVE) {
			return new Attempt(Outcome.NOT_VERIFIED, member, 0);
		}
		this.members.recordSuccess(member.id());
		return new Attempt(Outcome.SUCCEEDED, member, 0);
	}

	private IssuedToken memberToken(Member member) {
		Set<String> scopes = new LinkedHashSet<>(List.of("member"));
		String account = null;
		if (member.accountId() != null && this.accounts.isActive(member.accountId())) {
			scopes.add("partner");
			account = member.accountId();
		}
		return this.issuer.accessToken(member.id().toString(), account, scopes);
	}

	/** Mails the login id to the member with this name and e-mail, if there is one. */
	@Transactional
	public void findLoginId(String name, String email) {
		Instant now = now();
		this.members.findByNameAndEmail(name.trim(), email.trim())
			.ifPresent((m) -> this.mails
				.enqueue(MemberMails.loginId(m, m.id() + "/" + now.truncatedTo(ChronoUnit.MINUTES))));
	}

	/**
	 * Mails a password reset token to the member with this login id and e-mail.
	 * @throws ApiProblem 409 {@code RESET_ALREADY_PENDING} while an earlier reset mail is
	 * still valid
	 */
	@Transactional
	public void requestPasswordReset(String loginId, String email) {
		Instant now = now();
		Optional<Member> member = this.members.findByLoginIdForUpdate(loginId)
			.map(MemberRepository.Stored::member)
			.filter((m) -> m.email().equalsIgnoreCase(email.trim()));
		if (member.isEmpty()) {
			return;
		}
		if (this.members.hasPendingToken(member.get().id(), RESET_PASSWORD, now)) {
			throw ApiProblem.conflict("RESET_ALREADY_PENDING",
					"A password reset is already pending: use the mail we sent; it stays valid for "
							+ this.properties.resetTtl().toMinutes() + " minutes.");
		}
		String token = newToken();
		this.members.insertToken(hash(token), member.get().id(), RESET_PASSWORD, now,
				now.plus(this.properties.resetTtl()));
		this.mails.enqueue(MemberMails.passwordReset(member.get(), token, hash(token), this.properties.linkBase()));
	}

	/**
	 * Sets a new password with the token of the reset mail (once).
	 * @throws ApiProblem 400 {@code TOKEN_INVALID} or naming the broken password rule
	 */
	@Transactional
	public void confirmPasswordReset(String token, String newPassword) {
		Instant now = now();
		UUID id = this.members.useToken(hash(token), RESET_PASSWORD, now)
			.orElseThrow(() -> ApiProblem.badRequest("TOKEN_INVALID",
					"The reset token is unknown, used or expired; ask for a new reset."));
		Member member = require(id);
		// a refused password rolls back, so the token stays usable
		MemberRules.check(MemberRules.password("newPassword", newPassword, member.loginId()));
		this.members.changePassword(id, this.passwords.encode(newPassword), now);
	}

	public Member require(UUID id) {
		return this.members.find(id).orElseThrow(MemberManagement::notFound);
	}

	public Optional<Member> find(UUID id) {
		return this.members.find(id);
	}

	/** Makes the member the admin of the approved partner account. */
	@Transactional
	public void makeAdmin(UUID memberId, String accountId) {
		this.members.assignAccount(memberId, accountId, now());
	}

	private void sendVerification(Member member, Instant now) {
		String token = newToken();
		this.members.insertToken(hash(token), member.id(), VERIFY_EMAIL, now,
				now.plus(this.properties.verificationTtl()));
		this.mails.enqueue(MemberMails.verification(member, token, hash(token), this.properties.linkBase()));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static void pause(Duration delay) {
		Duration capped = (delay.compareTo(MAX_FAILURE_DELAY) > 0) ? MAX_FAILURE_DELAY : delay;
		try {
			Thread.sleep(capped);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static ApiProblem notFound() {
		return ApiProblem.notFound("MEMBER_NOT_FOUND", "There is no such member.");
	}

	/** What a sign-up asks for. */
	public record SignUp(String loginId, String password, String name, String email, String mobilePhone,
			String landlinePhone, Member.Company company, boolean termsAgreed, boolean privacyAgreed,
			boolean marketingEmailAgreed) {

		@Override
		public String toString() {
			return "SignUp[loginId=" + this.loginId + "]";
		}

	}

	private enum Outcome {

		SUCCEEDED, FAILED, LOCKED, NOT_VERIFIED

	}

	private record Attempt(Outcome outcome, Member member, int failures) {
	}

}
