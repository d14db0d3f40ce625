package com.cloudpartner.support.security;

/**
 * What a service knows of the partner side, asked by {@link TenantBoundaryInterceptor}
 * before every {@code /v1} handler: whether a partner account is suspended, and whether a
 * customer belongs to an account. Each service answers from its own projection of
 * {@code partner-events} and, for a customer it has not seen yet, by asking
 * partner-service (decision 0057).
 */
public interface TenantDirectory {

	/** Whether the partner account is suspended; an unknown account is not. */
	boolean isSuspended(String accountId);

	/**
	 * Whether the customer exists and belongs to the account.
	 * @param authorization the caller's Authorization header, for a look-up at
	 * partner-service
	 * @throws com.cloudpartner.support.problem.ApiProblem 503 when the answer needs
	 * partner-service and it cannot give it
	 */
	boolean hasCustomer(String accountId, String customerId, String authorization);

}
