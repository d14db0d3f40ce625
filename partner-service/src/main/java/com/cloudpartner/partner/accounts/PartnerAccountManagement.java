package com.cloudpartner.partner.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner accounts: their creation on approval (with billing accounts and the
 * {@code partner.approved} event), their contract and their settings.
 */
@Service
public class PartnerAccountManagement {

	public static final String TOPIC = "partner-events";

	public static final String SOURCE = "/partner-service";

	private final PartnerAccountRepository accounts;

	private final Outbox outbox;

	private final Clock clock;

	PartnerAccountManagement(PartnerAccountRepository accounts, Outbox outbox, Clock clock) {
		this.accounts = accounts;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Creates the account of an approved partner with its billing accounts, and publishes
	 * {@code partner.approved} in the same transaction.
	 * @throws ApiProblem 409 {@code ACCOUNT_EXISTS} when the id or public id is taken
	 */
	@Transactional
	public PartnerAccount createApproved(NewPartner partner) {
		Instant now = this.clock.instant();
		PartnerAccount account = new PartnerAccount(partner.accountId(), partner.publicId(), partner.displayName(),
				PartnerAccount.State.ACTIVE, partner.contract(), PartnerAccount.Settings.defaults(), now, now);
		if (!this.accounts.insert(account)) {
			throw ApiProblem.conflict("ACCOUNT_EXISTS", "A partner account " + partner.accountId()
					+ " or with public id " + partner.publicId() + " exists already.");
		}
		List<BillingAccount> billingAccounts = partner.billingAccounts()
			.stream()
			.map((b) -> new BillingAccount(account.id(), b.id(), b.displayName(), b.currencyCode(), b.regionCode()))
			.toList();
		billingAccounts.forEach((b) -> this.accounts.insertBillingAccount(b, now));
		String name = "accounts/" + account.id();
		this.outbox.append(TOPIC, name,
				CloudEvent.of(SOURCE, PartnerApproved.TYPE, name, now, PartnerApproved.of(account, billingAccounts)));
		return account;
	}

	public Optional<PartnerAccount> find(String accountId) {
		return this.accounts.find(accountId);
	}

	/**
	 * @throws ApiProblem 404 {@code ACCOUNT_NOT_FOUND}
	 */
	public PartnerAccount require(String accountId) {
		return find(accountId).orElseThrow(() -> notFound(accountId));
	}

	/** Whether the account exists and is not suspended. */
	public boolean isActive(String accountId) {
		return this.accounts.findState(accountId).map(PartnerAccount.State.ACTIVE.name()::equals).orElse(false);
	}

	/**
	 * Applies a change of settings and, when given, contract (the caller checked who
	 * may).
	 */
	@Transactional
	public PartnerAccount update(String accountId, AccountChanges changes) {
		PartnerAccount current = this.accounts.findForUpdate(accountId).orElseThrow(() -> notFound(accountId));
		PartnerAccount updated = changes.applyTo(current, this.clock.instant());
		this.accounts.update(updated);
		return updated;
	}

	private static ApiProblem notFound(String accountId) {
		return ApiProblem.notFound("ACCOUNT_NOT_FOUND", "There is no partner account " + accountId + ".");
	}

	/**
	 * What approval decides.
	 *
	 * @param accountId the new account's id
	 * @param publicId the id other partners name it by (transfers)
	 * @param displayName the partner's name
	 * @param contract the contract agreed with sales
	 * @param billingAccounts at least one, in the contract's currency
	 */
	public record NewPartner(String accountId, String publicId, String displayName, PartnerAccount.Contract contract,
			List<NewBillingAccount> billingAccounts) {
	}

	/** A billing account to create with the partner account. */
	public record NewBillingAccount(String id, String displayName, String currencyCode, String regionCode) {
	}

}
