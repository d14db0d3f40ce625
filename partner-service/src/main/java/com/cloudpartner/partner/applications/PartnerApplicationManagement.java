package com.cloudpartner.partner.applications;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.audit.AuditLog;
import com.cloudpartner.partner.mail.MailOutbox;
import com.cloudpartner.partner.members.Member;
import com.cloudpartner.partner.members.MemberManagement;
import com.cloudpartner.partner.members.MemberRules;
import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner applications: a verified member applies; an operator approves (which creates
 * the partner account, its first billing account and makes the member its admin) or
 * rejects with a reason. Every decision is audited and mailed.
 */
@Service
class PartnerApplicationManagement {

	private final PartnerApplicationRepository applications;

	private final MemberManagement members;

	private final PartnerAccountManagement accounts;

	private final MailOutbox mails;

	private final AuditLog audit;

	private final Clock clock;

	PartnerApplicationManagement(PartnerApplicationRepository applications, MemberManagement members,
			PartnerAccountManagement accounts, MailOutbox mails, AuditLog audit, Clock clock) {
		this.applications = applications;
		this.members = members;
		this.accounts = accounts;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @throws ApiProblem 409 {@code APPLICATION_PENDING} while the member has a pending
	 * one, 409 {@code ALREADY_PARTNER}
	 */
	@Transactional
	PartnerApplication apply(UUID memberId, NewApplication request) {
		MemberRules.businessRegistrationNumber("businessRegistrationNumber", request.businessRegistrationNumber())
			.stream()
			.findFirst()
			.ifPresent((error) -> {
				throw ApiProblem.invalidField(error.field(), error.message());
			});
		Member member = this.members.require(memberId);
		if (member.state() != Member.State.ACTIVE) {
			throw ApiProblem.forbidden("EMAIL_NOT_VERIFIED", "Verify the e-mail address before applying.");
		}
		if (member.accountId() != null) {
			throw ApiProblem.conflict("ALREADY_PARTNER",
					"The member administers partner account " + member.accountId() + " already.");
		}
		PartnerApplication application = new PartnerApplication(UUID.randomUUID(), memberId,
				request.businessRegistrationNumber(), request.contactName().trim(), request.contactEmail().trim(),
				request.contactPhone().trim(), blankToNull(request.message()), PartnerApplication.State.SUBMITTED, null,
				null, now(), null, null);
		if (!this.applications.insert(application)) {
			throw ApiProblem.conflict("APPLICATION_PENDING",
					"An application of this member is waiting for a decision already.");
		}
		this.audit.record("members/" + memberId, "partner-application.submitted", application.name(),
				Map.of("businessRegistrationNumber", application.businessRegistrationNumber()));
		return application;
	}

	/**
	 * Approves: the partner account (with a public id), its first billing account in the
	 * contract currency, the member as its admin, {@code partner.approved}, a mail.
	 * @throws ApiProblem 409 {@code APPLICATION_DECIDED}
	 */
	@Transactional
	Decision approve(UUID id, Contract contract, String operator) {
		PartnerApplication application = requireUndecided(id);
		Member member = this.members.require(application.memberId());
		if (member.accountId() != null) {
			throw ApiProblem.conflict("ALREADY_PARTNER",
					"The member administers partner account " + member.accountId() + " already.");
		}
		String currency = contract.currencyCode();
		String displayName = (contract.displayName() != null && !contract.displayName().isBlank())
				? contract.displayName().trim() : member.company().name();
		String region = (contract.regionCode() != null) ? contract.regionCode() : currency.substring(0, 2);
		PartnerAccount account = this.accounts.createApproved(new PartnerAccountManagement.NewPartner(
				this.accounts.newAccountId(), this.accounts.newPublicId(), displayName,
				new PartnerAccount.Contract(contract.reference(), contract.supplyDiscountPercent().stripTrailingZeros(),
						currency),
				List.of(new PartnerAccountManagement.NewBillingAccount(currency.toLowerCase(Locale.ROOT),
						displayName + " " + currency, currency, region))));
		this.members.makeAdmin(member.id(), account.id());
		Instant now = now();
		this.applications.decide(id, PartnerApplication.State.APPROVED, null, account.id(), operator, now);
		Map<String, Object> details = Map.of("accountId", account.id(), "publicId", account.publicId(),
				"contractReference", contract.reference(), "supplyDiscountPercent",
				contract.supplyDiscountPercent().toPlainString(), "currencyCode", currency);
		this.audit.record(operator, "partner-application.approved", application.name(), details);
		this.audit.record(operator, "partner.approved", "accounts/" + account.id(),
				Map.of("application", application.name()));
		recipients(member, application)
			.forEach((to) -> this.mails.enqueue(ApplicationMails.approved(application, to, account)));
		return new Decision(PartnerApplication.State.APPROVED, account.id(), account.publicId());
	}

	/**
	 * @throws ApiProblem 409 {@code APPLICATION_DECIDED}
	 */
	@Transactional
	Decision reject(UUID id, String reason, String operator) {
		PartnerApplication application = requireUndecided(id);
		Member member = this.members.require(application.memberId());
		this.applications.decide(id, PartnerApplication.State.REJECTED, reason.trim(), null, operator, now());
		this.audit.record(operator, "partner-application.rejected", application.name(),
				Map.of("reason", reason.trim()));
		recipients(member, application)
			.forEach((to) -> this.mails.enqueue(ApplicationMails.rejected(application, to, reason.trim())));
		return new Decision(PartnerApplication.State.REJECTED, null, null);
	}

	PartnerApplication require(UUID id) {
		return this.applications.find(id).orElseThrow(() -> notFound(id));
	}

	PageRequest.Page<PartnerApplication> list(PartnerApplication.State state, UUID memberId, PageRequest page) {
		return page.page(this.applications.list(state, memberId, page), PartnerApplication::createTime,
				(a) -> a.id().toString());
	}

	private PartnerApplication requireUndecided(UUID id) {
		PartnerApplication application = this.applications.findForUpdate(id).orElseThrow(() -> notFound(id));
		if (application.state() != PartnerApplication.State.SUBMITTED) {
			throw new ApiProblem(HttpStatus.CONFLICT, "APPLICATION_DECIDED",
					"The application was " + application.state() + " already.");
		}
		return application;
	}

	private static Set<String> recipients(Member member, PartnerApplication application) {
		Set<String> to = new LinkedHashSet<>();
		to.add(member.email().toLowerCase(Locale.ROOT));
		to.add(application.contactEmail().toLowerCase(Locale.ROOT));
		return to;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static ApiProblem notFound(UUID id) {
		return ApiProblem.notFound("APPLICATION_NOT_FOUND", "There is no partner application " + id + ".");
	}

	record NewApplication(String businessRegistrationNumber, String contactName, String contactEmail,
			String contactPhone, String message) {
	}

	record Contract(String reference, BigDecimal supplyDiscountPercent, String currencyCode, String displayName,
			String regionCode) {
	}

	record Decision(PartnerApplication.State state, String accountId, String publicId) {
	}

}
