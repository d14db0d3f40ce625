package com.cloudpartner.gateway.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Drops Spring Cloud Gateway header filters the gateway does not need, each of which
 * copied every proxied request's headers into a new map on every call:
 * <ul>
 * <li>the gRPC ones ({@code GRPCRequestHeadersFilter},
 * {@code GRPCResponseHeadersFilter}): no service behind the gateway speaks gRPC (the
 * request one was about 1.5 % of the gateway's CPU samples without a token, 3 % with
 * one);</li>
 * <li>{@code RemoveForwardedHeadersFilter}, which Spring Cloud Gateway puts in place of
 * the {@code Forwarded} header filter when that one is off
 * ({@code spring.cloud.gateway.server.webflux.forwarded.enabled=false}): the services get
 * the caller's origin from the {@code X-Forwarded-*} headers, and a caller's own
 * {@code Forwarded} header is dropped by {@code ProxiedRequestHeaders}, which copies the
 * headers anyway.</li>
 * </ul>
 * Registered by {@link EdgeConfiguration}.
 */
class UnusedHeadersFilters implements BeanFactoryPostProcessor {

	static final String[] BEANS = { "gRPCRequestHeadersFilter", "gRPCResponseHeadersFilter",
			"removeForwardedHeadersFilter" };

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof BeanDefinitionRegistry registry) {
			for (String name : BEANS) {
				if (registry.containsBeanDefinition(name)) {
					registry.removeBeanDefinition(name);
				}
			}
		}
	}

}
