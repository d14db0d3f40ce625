package com.cloudpartner.partner.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cloudpartner.partner.audit.AuditLog;
import com.cloudpartner.partner.paging.PageRequest;
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

	private final AuditLog audit;

	/** Public ids avoid characters that read alike (0/O, 1/I/L). */
	private static final String PUBLIC_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final String ACCOUNT_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	PartnerAccountManagement(PartnerAccountRepository accounts, Outbox outbox, Clock clock, AuditLog audit) {
		this.accounts = accounts;
		this.outbox = outbox;
		this.clock = clock;
		this.audit = audit;
	}

	/** A new account id ({@code p-} and 10 characters) that is not taken. */
	public String newAccountId() {
		String id;
		do {
			id = "p-" + random(ACCOUNT_ID_ALPHABET, 10);
		}
		while (this.accounts.find(id).isPresent());
		return id;
	}

	/** A new public id (8 unambiguous uppercase characters) that is not taken. */
	public String newPublicId() {
		String id;
		do {
			id = random(PUBLIC_ID_ALPHABET, 8);
		}
		while (this.accounts.publicIdTaken(id));
		return id;
	}

	private static String random(String alphabet, int length) {
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	public PageRequest.Page<PartnerAccount> list(PartnerAccount.State state, PageRequest page) {
		return page.page(this.accounts.list(state, page), PartnerAccount::createTime, PartnerAccount::id);
	}

	/**
	 * Suspends the partner: its tokens stop working at once (this service checks the
	 * state on every request; the others learn it from {@code partner.suspended}).
	 * @throws ApiProblem 409 {@code ACCOUNT_ALREADY_SUSPENDED}
	 */
	@Transactional
	public PartnerAccount suspend(String accountId, String actor, String reason) {
		return changeState(accountId, PartnerAccount.State.SUSPENDED, PartnerEvents.SUSPENDED, actor, reason);
	}

	/**
	 * @throws ApiProblem 409 {@code ACCOUNT_NOT_SUSPENDED}
	 */
	@Transactional
	public PartnerAccount reinstate(String accountId, String actor, String reason) {
		return changeState(accountId, PartnerAccount.State.ACTIVE, PartnerEvents.REINSTATED, actor, reason);
	}

	private PartnerAccount changeState(String accountId, PartnerAccount.State state, String type, String actor,
			String reason) {
		PartnerAccount current = this.accounts.findForUpdate(accountId).orElseThrow(() -> notFound(accountId));
		if (current.state() == state) {
			throw ApiProblem.conflict(
					(state == PartnerAccount.State.SUSPENDED) ? "ACCOUNT_ALREADY_SUSPENDED" : "ACCOUNT_NOT_SUSPENDED",
					"The partner account " + accountId + " is " + current.state() + " already.");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.accounts.updateState(accountId, state, now);
		String name = "accounts/" + accountId;
		this.outbox.append(TOPIC, name,
				CloudEvent.of(SOURCE, type, name, now, new PartnerEvents.StateChanged(accountId, state.name())));
		this.audit.record(actor, type, name, (reason != null) ? Map.of("reason", reason) : Map.of());
		return require(accountId);
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

	/** Whether the account exists and is suspended. */
	public boolean isSuspended(String accountId) {
		return this.accounts.findState(accountId).map(PartnerAccount.State.SUSPENDED.name()::equals).orElse(false);
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
		return update(accountId, changes, "system");
	}

	/**
	 * Applies a change; a changed contract is published as
	 * {@code partner.contract.changed} and audited.
	 */
	@Transactional
	public PartnerAccount update(String accountId, AccountChanges changes, String actor) {
		PartnerAccount current = this.accounts.findForUpdate(accountId).orElseThrow(() -> notFound(accountId));
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		PartnerAccount updated = changes.applyTo(current, now);
		this.accounts.update(updated);
		if (!updated.contract().equals(current.contract())) {
			String name = "accounts/" + accountId;
			this.outbox.append(TOPIC, name, CloudEvent.of(SOURCE, PartnerEvents.CONTRACT_CHANGED, name, now,
					PartnerEvents.ContractChanged.of(updated, now)));
			PartnerAccount.Contract c = updated.contract();
			this.audit.record(actor, PartnerEvents.CONTRACT_CHANGED, name,
					Map.of("reference", c.reference(), "supplyDiscountPercent",
							c.supplyDiscountPercent().toPlainString(), "currencyCode", c.currencyCode()));
		}
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
