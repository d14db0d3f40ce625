package com.cloudpartner.partner.members;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.partner.tokens.IssuedToken;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/members")
@Tag(name = "Members")
class MemberController {

	private static final String PHONE = "^\\+?[0-9][0-9 ()-]{6,30}$";

	private static final String PHONE_MESSAGE = "must be a phone number";

	private final MemberManagement members;

	MemberController(MemberManagement members) {
		this.members = members;
	}

	@PostMapping
	@SecurityRequirements
	@Operation(summary = "Sign up a company member",
			description = "Then verify the e-mail with the token of the mail. Login id: 5-12 letters and digits with a letter; "
					+ "password: 8-15 characters with letters, digits and special characters, not containing the login id.")
	ResponseEntity<MemberResponse> signUp(@Valid @RequestBody SignUpRequest request) {
		Member member = this.members.signUp(request.toCommand());
		return ResponseEntity.created(URI.create("/v1/members/" + member.id())).body(MemberResponse.of(member));
	}

	@PostMapping("/verify-email")
	@SecurityRequirements
	@Operation(summary = "Verify the e-mail address with the token from the mail")
	MemberResponse verifyEmail(@Valid @RequestBody TokenRequest request) {
		return MemberResponse.of(this.members.verifyEmail(request.token()));
	}

	@PostMapping("/resend-verification")
	@SecurityRequirements
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send the verification mail again",
			description = "The earlier token stops working. Answers the same whether or not the member exists.")
	Accepted resend(@Valid @RequestBody ResendRequest request) {
		this.members.resendVerification(request.loginId(), request.email());
		return Accepted.MAIL;
	}

	@PostMapping("/{memberId}/verify")
	@Operation(summary = "Mark a member's e-mail verified (operator)")
	MemberResponse verifyByOperator(VerifiedToken token, @PathVariable String memberId) {
		Access.requireOperator(token);
		return MemberResponse.of(this.members.verifyByOperator(parse(memberId), token.subject()));
	}

	@GetMapping("/me")
	@Operation(summary = "The logged-in member")
	MemberResponse me(VerifiedToken token) {
		if (!token.hasScope("member")) {
			throw ApiProblem.forbidden("MEMBER_ONLY", "Log in as a member first.");
		}
		return MemberResponse.of(this.members.require(parse(token.subject())));
	}

	@PostMapping("/login")
	@SecurityRequirements
	@Operation(summary = "Log a member in",
			description = "Token response with scope member, plus partner and acct when the member administers an active partner. "
					+ "Failures do not say whether the login id or the password was wrong; repeated failures lock the login.")
	ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
		IssuedToken token = this.members.login(request.loginId(), request.password());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(new TokenResponse(token.token(), "Bearer", token.lifetime().toSeconds(), token.scope()));
	}

	@PostMapping("/find-login-id")
	@SecurityRequirements
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Mail the login id of the member with this name and e-mail",
			description = "Answers the same whether or not such a member exists.")
	Accepted findLoginId(@Valid @RequestBody FindLoginIdRequest request) {
		this.members.findLoginId(request.name(), request.email());
		return Accepted.MAIL;
	}

	@PostMapping("/password-reset")
	@SecurityRequirements
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Mail a password reset token",
			description = "409 RESET_ALREADY_PENDING while an earlier reset mail is still valid.")
	Accepted passwordReset(@Valid @RequestBody ResetRequest request) {
		this.members.requestPasswordReset(request.loginId(), request.email());
		return Accepted.MAIL;
	}

	@PostMapping("/password-reset/confirm")
	@SecurityRequirements
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a new password with the token from the reset mail")
	void confirmReset(@Valid @RequestBody ConfirmResetRequest request) {
		this.members.confirmPasswordReset(request.token(), request.newPassword());
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("MEMBER_NOT_FOUND", "There is no member " + id + ".");
		}
	}

	@Schema(example = """
			{"loginId": "acme01", "password": "Secr3t!pw", "name": "Minji Park", "email": "minji@acme.example.com",
			 "mobilePhone": "010-1234-5678", "landlinePhone": "02-123-4567",
			 "company": {"name": "Acme Korea", "businessRegistrationNumber": "1208147521", "corporateRegistrationNumber": "1101111234567"},
			 "agreements": {"terms": true, "privacy": true, "marketingEmail": false}}
			""")
	record SignUpRequest(@NotNull String loginId, @NotNull String password, @NotBlank @Size(max = 100) String name,
			@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String mobilePhone,
			@Pattern(regexp = "^$|" + PHONE, message = PHONE_MESSAGE) String landlinePhone,
			@NotNull @Valid CompanyBody company, @NotNull @Valid AgreementsBody agreements) {

		MemberManagement.SignUp toCommand() {
			return new MemberManagement.SignUp(this.loginId, this.password, this.name, this.email, this.mobilePhone,
					this.landlinePhone,
					new Member.Company(this.company.name().trim(), this.company.businessRegistrationNumber(),
							this.company.corporateRegistrationNumber()),
					Boolean.TRUE.equals(this.agreements.terms()), Boolean.TRUE.equals(this.agreements.privacy()),
					Boolean.TRUE.equals(this.agreements.marketingEmail()));
		}

		@Override
		public String toString() {
			return "SignUpRequest[loginId=" + this.loginId + "]";
		}

	}

	record CompanyBody(@NotBlank @Size(max = 200) String name, @NotNull String businessRegistrationNumber,
			@NotNull String corporateRegistrationNumber) {
	}

	record AgreementsBody(@NotNull Boolean terms, @NotNull Boolean privacy, Boolean marketingEmail) {
	}

	@Schema(name = "EmailTokenRequest")
	record TokenRequest(@NotBlank @Size(max = 200) String token) {
	}

	record ResendRequest(@NotBlank String loginId, @NotBlank @Email String email) {
	}

	record LoginRequest(@NotBlank @Size(max = 100) String loginId, @NotBlank @Size(max = 100) String password) {

		@Override
		public String toString() {
			return "LoginRequest[loginId=" + this.loginId + "]";
		}

	}

	record FindLoginIdRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Email String email) {
	}

	record ResetRequest(@NotBlank String loginId, @NotBlank @Email String email) {
	}

	record ConfirmResetRequest(@NotBlank @Size(max = 200) String token, @NotNull String newPassword) {

		@Override
		public String toString() {
			return "ConfirmResetRequest[]";
		}

	}

	record Accepted(String status, String detail) {

		static final Accepted MAIL = new Accepted("ACCEPTED", "If the details match a member, a mail is on its way.");

	}

	record MemberResponse(String name, String id, String loginId, String memberName, String email, String state,
			String accountId, Instant createTime) {

		static MemberResponse of(Member member) {
			return new MemberResponse("members/" + member.id(), member.id().toString(), member.loginId(), member.name(),
					member.email(), member.state().name(), member.accountId(), member.createTime());
		}

	}

	@Schema(name = "MemberTokenResponse")
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn, String scope) {

		@Override
		public String toString() {
			return "TokenResponse[scope=" + this.scope + "]";
		}

	}

}
