package com.cloudpartner.console.partnertool.resources;

import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;

import com.cloudpartner.console.partnertool.PartnerToolProperties;
import com.cloudpartner.console.partnertool.customers.CustomerNames;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Jobs and resources across all customers of the partner, each filtered (by customer and
 * state; resources also by kind), and the resources of one customer. Read only: resources
 * are changed through the API or the end user's console.
 */
@Controller
@Hidden
class OperationsController {

	static final List<String> STATES = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED");

	/** The kinds of resources, in the order the filter offers them. */
	static final List<String> KINDS = List.of("servers", "disks", "snapshots", "images", "public-ips", "load-balancers",
			"buckets", "firewall-rules");

	static final List<String> RESOURCE_STATES = List.of("PROVISIONING", "RUNNING", "STOPPED", "ACTIVE", "DELETING",
			"DELETED", "ERROR");

	private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_=.-]{1,512}");

	private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

	private final Operations operations;

	private final CustomerNames customerNames;

	private final int pageSize;

	OperationsController(Operations operations, CustomerNames customerNames, PartnerToolProperties properties) {
		this.operations = operations;
		this.customerNames = customerNames;
		this.pageSize = properties.pageSize();
	}

	@GetMapping(path = "/partner/jobs", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView jobs(PartnerSession session, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String state, @RequestParam(required = false) String pageToken) {
		String customerId = (customer != null && CUSTOMER.matcher(customer.strip()).matches()) ? customer.strip()
				: null;
		String chosenState = (state != null && STATES.contains(state)) ? state : null;
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		Operations.JobPage page = this.operations.jobs(session, customerId, chosenState, this.pageSize, token);
		ModelAndView view = Views.page("jobs", session);
		view.addObject("jobs", page.jobs());
		view.addObject("customerNames", this.customerNames.of(session));
		view.addObject("customer", customerId);
		view.addObject("state", chosenState);
		view.addObject("states", STATES);
		view.addObject("nextPageToken", page.nextPageToken());
		view.addObject("firstPage", token == null);
		return view;
	}

	@GetMapping(path = "/partner/resources", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView resources(PartnerSession session, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String customer, @RequestParam(required = false) String state,
			@RequestParam(required = false) String pageToken) {
		String customerId = (customer != null && CUSTOMER.matcher(customer.strip()).matches()) ? customer.strip()
				: null;
		ModelAndView view = resourcePage(session, "/partner/resources", kind, customerId, state, pageToken);
		view.addObject("active", "resources");
		return view;
	}

	/**
	 * The same page for one customer, with who it is (another partner's is not found).
	 */
	@GetMapping(path = "/partner/customers/{customerId}/resources", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView customerResources(PartnerSession session, @PathVariable String customerId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
			@RequestParam(required = false) String pageToken) {
		Operations.Customer customer = this.operations.customer(session, customerId);
		ModelAndView view = resourcePage(session, "/partner/customers/" + customerId + "/resources", kind, customerId,
				state, pageToken);
		view.addObject("active", "customers");
		view.addObject("customerInfo", customer);
		return view;
	}

	private ModelAndView resourcePage(PartnerSession session, String path, String kind, String customerId, String state,
			String pageToken) {
		String chosenKind = (kind != null && KINDS.contains(kind)) ? kind : null;
		String chosenState = (state != null && RESOURCE_STATES.contains(state)) ? state : null;
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		Operations.ResourcePage page = this.operations.resources(session, chosenKind, customerId, chosenState,
				this.pageSize, token);
		ModelAndView view = Views.page("resources", session);
		view.addObject("path", path);
		view.addObject("resources", page.resources());
		view.addObject("customerNames", this.customerNames.of(session));
		view.addObject("kind", chosenKind);
		view.addObject("kinds", KINDS);
		view.addObject("customer", customerId);
		view.addObject("state", chosenState);
		view.addObject("states", RESOURCE_STATES);
		view.addObject("nextPageToken",
				(page.nextPageToken() != null && !page.nextPageToken().isEmpty()) ? page.nextPageToken() : null);
		view.addObject("firstPage", token == null);
		return view;
	}

}
