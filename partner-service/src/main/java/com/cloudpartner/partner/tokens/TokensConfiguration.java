package com.cloudpartner.partner.tokens;

import java.time.Clock;

import com.cloudpartner.partner.keys.SigningKeys;
import com.cloudpartner.support.security.SecurityProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokensConfiguration {

	@Bean
	TokenIssuer tokenIssuer(SigningKeys keys, SecurityProperties security, TokenProperties lifetimes, Clock clock) {
		return new TokenIssuer(keys::active, security.issuer(), lifetimes, clock);
	}

}
