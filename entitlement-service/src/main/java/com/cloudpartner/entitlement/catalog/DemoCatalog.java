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
		products();
		skus();
		serverOffers();
		storageAndNetworkOffers();
		licenceOffers();
	}

	private void products() {
		product("iaas", "Cloud infrastructure (IaaS), pay as you go", Family.IAAS, true);
		product("server-basic", "Server (Basic)", Family.IAAS, true);
		product("server-premium", "Server (Premium)", Family.IAAS, true);
		product("ssd-disk", "SSD Disk", Family.IAAS, true);
		product("snapshot", "Snapshot", Family.IAAS, true);
		product("image", "Server image", Family.IAAS, true);
		product("object-storage", "Object storage", Family.IAAS, true);
		product("load-balancer", "Load balancer", Family.IAAS, true);
		product("public-ip", "Public IP", Family.IAAS, true);
		product("internet-traffic", "Internet Traffic", Family.IAAS, true);
		product("firewall", "Server firewall", Family.IAAS, true);
		product("monitoring", "Monitoring", Family.IAAS, true);
		product("nas", "NAS", Family.IAAS, false);
		product("nas-snapshot", "NAS snapshot", Family.IAAS, false);
		product("office-suite", "Office Suite", Family.LICENSE, true);
	}

	private void skus() {
		sku("iaas", "payg", "IaaS pay as you go (resources are priced by their own SKUs)",
				new Meter("account-months", Unit.MONTH));
		sku("server-basic", "basic-2vcpu-4gb", "Basic 2 vCPU / 4 GB", new Meter("vm-hours", Unit.HOUR));
		sku("server-basic", "basic-4vcpu-8gb", "Basic 4 vCPU / 8 GB", new Meter("vm-hours", Unit.HOUR));
		sku("server-basic", "basic-8vcpu-16gb", "Basic 8 vCPU / 16 GB", new Meter("vm-hours", Unit.HOUR));
		sku("server-premium", "premium-4vcpu-16gb", "Premium 4 vCPU / 16 GB", new Meter("vm-hours", Unit.HOUR));
		sku("server-premium", "premium-8vcpu-32gb", "Premium 8 vCPU / 32 GB", new Meter("vm-hours", Unit.HOUR));
		sku("ssd-disk", "ssd-100gb", "SSD 100 GB", new Meter("disk-hours", Unit.HOUR));
		sku("ssd-disk", "ssd-gb", "SSD per GB", new Meter("disk-gb", Unit.GB));
		sku("snapshot", "snapshot-gb", "Snapshot per GB", new Meter("snapshot-gb", Unit.GB));
		sku("image", "image-gb", "Image per GB", new Meter("image-gb", Unit.GB));
		sku("object-storage", "standard", "Object storage, standard", new Meter("storage-gb", Unit.GB),
				new Meter("requests", Unit.COUNT));
		sku("load-balancer", "standard", "Load balancer, standard", new Meter("lb-hours", Unit.HOUR));
		sku("public-ip", "ipv4", "Public IPv4 address", new Meter("ip-hours", Unit.HOUR));
		sku("internet-traffic", "egress", "Internet egress", new Meter("egress-gb", Unit.GB));
		sku("firewall", "server-firewall", "Firewall bound to one server", new Meter("firewall-rules", Unit.COUNT));
		sku("monitoring", "basic", "Basic monitoring", new Meter("monitored-server-hours", Unit.HOUR));
		sku("nas", "nas-gb", "NAS per GB", new Meter("nas-gb", Unit.GB));
		sku("nas-snapshot", "nas-snapshot-gb", "NAS snapshot per GB", new Meter("nas-snapshot-gb", Unit.GB));
		sku("office-suite", "standard", "Office Suite Standard", new Meter("seats", Unit.SEAT_MONTH));
		sku("office-suite", "premium", "Office Suite Premium", new Meter("seats", Unit.SEAT_MONTH));
	}

	private void serverOffers() {
		offer("iaas-payg", "products/iaas/skus/payg", "IaaS pay as you go", PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH,
				null, new NewPrice("account-months", Unit.MONTH, krw("0")));
		offer("iaas-trial-30d", "products/iaas/skus/payg", "IaaS free trial, 30 days", PaymentPlan.TRIAL, 30,
				PeriodType.DAY, null, new NewPrice("account-months", Unit.MONTH, krw("0")));
		hourly("server-basic-2vcpu-4gb-monthly", "products/server-basic/skus/basic-2vcpu-4gb",
				"Server Basic 2 vCPU / 4 GB, monthly", "vm-hours", "45", "30000");
		hourly("server-basic-4vcpu-8gb-monthly", "products/server-basic/skus/basic-4vcpu-8gb",
				"Server Basic 4 vCPU / 8 GB, monthly", "vm-hours", "90", "60000");
		hourly("server-basic-8vcpu-16gb-monthly", "products/server-basic/skus/basic-8vcpu-16gb",
				"Server Basic 8 vCPU / 16 GB, monthly", "vm-hours", "180", "120000");
		hourly("server-premium-4vcpu-16gb-monthly", "products/server-premium/skus/premium-4vcpu-16gb",
				"Server Premium 4 vCPU / 16 GB, monthly", "vm-hours", "130", "90000");
		hourly("server-premium-8vcpu-32gb-monthly", "products/server-premium/skus/premium-8vcpu-32gb",
				"Server Premium 8 vCPU / 32 GB, monthly", "vm-hours", "260", "180000");
	}

	private void storageAndNetworkOffers() {
		hourly("ssd-100gb-monthly", "products/ssd-disk/skus/ssd-100gb", "SSD 100 GB, monthly", "disk-hours", "8",
				"5000");
		payg("ssd-gb-monthly", "products/ssd-disk/skus/ssd-gb", "SSD per GB-month",
				new NewPrice("disk-gb", Unit.GB, krw("100")));
		payg("snapshot-gb-payg", "products/snapshot/skus/snapshot-gb", "Snapshot per GB-month",
				new NewPrice("snapshot-gb", Unit.GB, krw("50")));
		payg("image-gb-payg", "products/image/skus/image-gb", "Image per GB-month",
				new NewPrice("image-gb", Unit.GB, krw("50")));
		payg("object-storage-payg", "products/object-storage/skus/standard", "Object storage, pay as you go",
				new NewPrice("storage-gb", Unit.GB, krw("25")), new NewPrice("requests", Unit.COUNT, krw("0.005")));
		hourly("load-balancer-monthly", "products/load-balancer/skus/standard", "Load balancer, monthly", "lb-hours",
				"25", "18000");
		hourly("public-ip-monthly", "products/public-ip/skus/ipv4", "Public IPv4, monthly", "ip-hours", "5", "3600");
		payg("internet-egress-payg", "products/internet-traffic/skus/egress", "Internet egress, pay as you go",
				new NewPrice("egress-gb", Unit.GB, krw("90")));
		offer("firewall-free", "products/firewall/skus/server-firewall", "Server firewall, free", PaymentPlan.FREE, 1,
				PeriodType.MONTH, null, new NewPrice("firewall-rules", Unit.COUNT, krw("0")));
		offer("monitoring-free", "products/monitoring/skus/basic", "Basic monitoring, free", PaymentPlan.FREE, 1,
				PeriodType.MONTH, null, new NewPrice("monitored-server-hours", Unit.HOUR, krw("0")));
		payg("nas-gb-monthly", "products/nas/skus/nas-gb", "NAS per GB-month (coming soon)",
				new NewPrice("nas-gb", Unit.GB, krw("80")));
		payg("nas-snapshot-gb-monthly", "products/nas-snapshot/skus/nas-snapshot-gb",
				"NAS snapshot per GB-month (coming soon)", new NewPrice("nas-snapshot-gb", Unit.GB, krw("40")));
	}

	private void licenceOffers() {
		offer("office-standard-flex", "products/office-suite/skus/standard", "Office Suite Standard, flexible",
				PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH, null, seats("12000"));
		offer("office-standard-annual", "products/office-suite/skus/standard", "Office Suite Standard, annual",
				PaymentPlan.COMMITMENT, 1, PeriodType.YEAR, null, seats("10000"));
		offer("office-standard-trial", "products/office-suite/skus/standard", "Office Suite Standard, 30-day trial",
				PaymentPlan.TRIAL, 30, PeriodType.DAY, null, seats("0"));
		offer("office-premium-flex", "products/office-suite/skus/premium", "Office Suite Premium, flexible",
				PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH, null, seats("20000"));
		offer("office-premium-annual", "products/office-suite/skus/premium", "Office Suite Premium, annual",
				PaymentPlan.COMMITMENT, 1, PeriodType.YEAR, null, seats("17000"));
	}

	private void hourly(String id, String sku, String displayName, String meter, String hourly, String monthly) {
		offer(id, sku, displayName, PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH, krw(monthly),
				new NewPrice(meter, Unit.HOUR, krw(hourly)));
	}

	private void payg(String id, String sku, String displayName, NewPrice... prices) {
		offer(id, sku, displayName, PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH, null, prices);
	}

	private static NewPrice seats(String amount) {
		return new NewPrice("seats", Unit.SEAT_MONTH, krw(amount));
	}

	private void product(String id, String displayName, Family family, boolean purchasable) {
		if (this.catalog.findProduct(id).isEmpty()) {
			createdUnlessRaced(() -> this.management.createProduct(new Product(id, displayName, family, purchasable),
					Caller.system()));
		}
	}

	private void sku(String productId, String id, String displayName, Meter... meters) {
		if (this.catalog.findSku(productId, id).isEmpty()) {
			createdUnlessRaced(() -> this.management.createSku(new Sku(productId, id, displayName, List.of(meters)),
					Caller.system()));
		}
	}

	private void offer(String id, String sku, String displayName, PaymentPlan plan, int duration, PeriodType periodType,
			Money monthlyPrice, NewPrice... prices) {
		if (this.catalog.findOffer(id).isEmpty()) {
			createdUnlessRaced(() -> this.management.createOffer(new NewOffer(id, sku, displayName, plan, duration,
					periodType, List.of(prices), monthlyPrice, EFFECTIVE), Caller.system()));
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
