package com.cloudpartner.partner.demo;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.clients.ApiClientManagement;
import com.cloudpartner.support.problem.ApiProblem;

/**
 * The demo partner of the local run (docs/architecture.md, "Demo data"): created only
 * when absent, so restarts neither duplicate it nor publish {@code partner.approved}
 * twice.
 */
public class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String ACCOUNT = "demo-account";

	private final PartnerAccountManagement accounts;

	private final ApiClientManagement clients;

	public DemoData(PartnerAccountManagement accounts, ApiClientManagement clients) {
		this.accounts = accounts;
		this.clients = clients;
	}

	public void seed() {
		if (this.accounts.find(ACCOUNT).isEmpty()) {
			createAccount();
		}
		this.clients.ensureClient(
				new ApiClientManagement.ConfiguredClient("demo-partner", "demo-partner-secret", ACCOUNT,
						List.of("partner", "partner.read", "usage.write"), List.of("partner"), "demo partner client"),
				false);
		this.clients.ensureClient(new ApiClientManagement.ConfiguredClient("console-service", "console-service-secret",
				null, List.of("console.issuer"), List.of("console.issuer"), "console-service"), false);
	}

	private void createAccount() {
		try {
			this.accounts.createApproved(new PartnerAccountManagement.NewPartner(ACCOUNT, "DEMO-0001", "Demo Reseller",
					new PartnerAccount.Contract("LOCAL-DEMO", new BigDecimal("20"), "KRW"),
					List.of(new PartnerAccountManagement.NewBillingAccount("demo-krw", "Demo Reseller KRW", "KRW",
							"KR"))));
			log.info("Created the demo partner account {} (local profile)", ACCOUNT);
		}
		catch (ApiProblem ex) {
			// another instance created it at the same moment
			log.debug("Demo partner account exists already: {}", ex.getMessage());
		}
	}

}
