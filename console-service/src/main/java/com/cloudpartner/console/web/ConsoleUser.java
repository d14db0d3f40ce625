package com.cloudpartner.console.web;

import com.cloudpartner.console.partner.PartnerAccount;
import com.cloudpartner.console.session.ConsoleSession;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in end user of a console page, resolved from the session cookie by
 * {@link ConsoleUserResolver}: their session, their partner (not suspended) and a console
 * token of exactly their customer. Pages take the account and customer from here, never
 * from the request.
 *
 * @param session the console session
 * @param account the partner's settings and branding
 * @param token a console token with {@code cust} = the session's customer
 */
public record ConsoleUser(ConsoleSession session, PartnerAccount account, String token) {

	/** The CSRF token that every form of the page carries as {@value #CSRF_FIELD}. */
	public static final String CSRF_FIELD = "_csrf";

	public String accountId() {
		return this.session.accountId();
	}

	public String customerId() {
		return this.session.customerId();
	}

	/** {@code accounts/{a}/customers/{c}}: the prefix of every name the customer owns. */
	public String customerName() {
		return "accounts/" + accountId() + "/customers/" + customerId();
	}

	/**
	 * A page of the console with what its header needs: branding, user and CSRF token.
	 */
	public ModelAndView page(String view, HttpStatusCode status) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("account", this.account);
		page.addObject("userId", this.session.userId());
		page.addObject("csrf", this.session.csrfToken());
		return page;
	}

	@Override
	public String toString() {
		return "ConsoleUser[" + this.session + "]";
	}

}
