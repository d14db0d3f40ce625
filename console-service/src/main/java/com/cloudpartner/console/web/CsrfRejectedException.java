package com.cloudpartner.console.web;

/**
 * A form was posted in a console session without that session's CSRF token: it did not
 * come from one of the session's own pages.
 */
public class CsrfRejectedException extends RuntimeException {

	public CsrfRejectedException(String path) {
		super("form posted to " + path + " without the session's CSRF token", null, false, false);
	}

}
