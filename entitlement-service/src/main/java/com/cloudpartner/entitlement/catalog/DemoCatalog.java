package com.cloudpartner.entitlement.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.entitlement.catalog.CatalogManagement.Caller;
import com.cloudpartner.entitlement.catalog.NewOffer.NewPrice;
import com.cloudpartner.entitlement.common.Money;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The demo catalog of the local run (profile {@code local} only), created where it is
 * missing through {@link CatalogManagement}, like an operator's POSTs, so that each demo
 * offer is published exactly once.
 */
@Component
@Profile("local")
class DemoCatalog implements ApplicationRunner {

	static final Instant EFFECTIVE = Instant.parse("2026-01-01T00:00:00Z");

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final Catalog catalog;

	private final CatalogManagement management;

	DemoCatalog(Catalog catalog, CatalogManagement management) {
		this.catalog = catalog;
		this.management = management;
	}

	@Override
	public void run(ApplicationArguments args) {
		product("server-basic", "Server (Basic)", Family.IAAS, true);
		product("ssd-disk", "SSD Disk", Family.IAAS, true);
		product("internet-traffic", "Internet Traffic", Family.IAAS, true);
		product("office-suite", "Office Suite", Family.LICENSE, true);
		product("nas", "NAS", Family.IAAS, false);
		sku("server-basic", "basic-2vcpu-4gb", "Basic 2 vCPU / 4 GB", new Meter("vm-hours", Unit.HOUR));
		sku("ssd-disk", "ssd-100gb", "SSD 100 GB", new Meter("disk-hours", Unit.HOUR));
		sku("internet-traffic", "egress", "Internet egress", new Meter("egress-gb", Unit.GB));
		sku("office-suite", "standard", "Office Suite Standard", new Meter("seats", Unit.SEAT_MONTH));
		offer("server-basic-2vcpu-4gb-monthly", "products/server-basic/skus/basic-2vcpu-4gb",
				"Server Basic 2 vCPU / 4 GB, monthly", PaymentPlan.FLEXIBLE, PeriodType.MONTH,
				new NewPrice("vm-hours", Unit.HOUR, krw("45")), krw("30000"));
		offer("ssd-100gb-monthly", "products/ssd-disk/skus/ssd-100gb", "SSD 100 GB, monthly", PaymentPlan.FLEXIBLE,
				PeriodType.MONTH, new NewPrice("disk-hours", Unit.HOUR, krw("8")), krw("5000"));
		offer("internet-egress-payg", "products/internet-traffic/skus/egress", "Internet egress, pay as you go",
				PaymentPlan.FLEXIBLE, PeriodType.MONTH, new NewPrice("egress-gb", Unit.GB, krw("90")), null);
		offer("office-standard-flex", "products/office-suite/skus/standard", "Office Suite Standard, flexible",
				PaymentPlan.FLEXIBLE, PeriodType.MONTH, new NewPrice("seats", Unit.SEAT_MONTH, krw("12000")), null);
		offer("office-standard-annual", "products/office-suite/skus/standard", "Office Suite Standard, annual",
				PaymentPlan.COMMITMENT, PeriodType.YEAR, new NewPrice("seats", Unit.SEAT_MONTH, krw("10000")), null);
	}

	private void product(String id, String displayName, Family family, boolean purchasable) {
		if (this.catalog.findProduct(id).isEmpty()) {
			createdUnlessRaced(() -> this.management.createProduct(new Product(id, displayName, family, purchasable),
					Caller.system()));
		}
	}

	private void sku(String productId, String id, String displayName, Meter meter) {
		if (this.catalog.findSku(productId, id).isEmpty()) {
			createdUnlessRaced(() -> this.management.createSku(new Sku(productId, id, displayName, List.of(meter)),
					Caller.system()));
		}
	}

	private void offer(String id, String sku, String displayName, PaymentPlan plan, PeriodType periodType,
			NewPrice price, Money monthlyPrice) {
		if (this.catalog.findOffer(id).isEmpty()) {
			createdUnlessRaced(() -> this.management.createOffer(
					new NewOffer(id, sku, displayName, plan, 1, periodType, List.of(price), monthlyPrice, EFFECTIVE),
					Caller.system()));
			log.info("Demo catalog: created offers/{}", id);
		}
	}

	/** Another instance starting at the same moment may have created it first. */
	private static void createdUnlessRaced(Runnable create) {
		try {
			create.run();
		}
		catch (ApiProblem ex) {
			if (ex.status() != HttpStatus.CONFLICT) {
				throw ex;
			}
		}
	}

	private static Money krw(String amount) {
		return Money.of("KRW", new BigDecimal(amount));
	}

}
