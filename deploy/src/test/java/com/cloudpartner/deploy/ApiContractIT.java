package com.cloudpartner.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public contract checked from outside: every service's OpenAPI document, as the
 * gateway serves it, passes the OpenAPI linter, and a black-box pass generated from it
 * (Portman, run by Newman) finds no 5xx, no response off its schema and no fuzzed input
 * accepted or answered without problem+json. See deploy/contract/README.md.
 */
class ApiContractIT {

	private static final List<String> SERVICES = List.of("partner", "entitlement", "billing", "console");

	private static final Path CONTRACT = Path.of("contract").toAbsolutePath();

	private static final Path OUT = Path.of("target", "contract").toAbsolutePath();

	private static final Path TOOLS = Path.of("target", "contract-tools").toAbsolutePath();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final java.util.regex.Pattern SCHEMA_TEST = java.util.regex.Pattern
		.compile("pm\\.test\\(\\\\\"[^\"\\\\]*? - Schema is valid\\\\\"");

	private static String gateway;

	@BeforeAll
	static void startTheSuiteAndInstallTheTools() throws Exception {
		gateway = SharedSuite.get().settings().gatewayUrl();
		Files.createDirectories(OUT);
		Files.createDirectories(TOOLS);
		Files.copy(CONTRACT.resolve("package.json"), TOOLS.resolve("package.json"),
				StandardCopyOption.REPLACE_EXISTING);
		Result install = run(TOOLS, OUT.resolve("npm-install.log"), Duration.ofMinutes(5), "npm", "install",
				"--no-audit", "--no-fund", "--loglevel=error");
		assertThat(install.exitCode())
			.as("npm install of the contract tools (needs Node.js and npm):\n%s", install.tail())
			.isZero();
		for (String service : SERVICES) {
			HttpResponse<String> doc = http.send(
					HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs/" + service)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(doc.statusCode()).as("%s api-docs", service).isEqualTo(200);
			Files.writeString(OUT.resolve(service + ".openapi.json"), doc.body());
		}
	}

	@Test
	void everyDocumentPassesTheOpenApiLinter() throws Exception {
		List<String> command = new ArrayList<>(List.of(tool("spectral"), "lint", "--ruleset",
				CONTRACT.resolve("spectral.yaml").toString(), "--fail-severity", "error", "--format", "text"));
		SERVICES.forEach((service) -> command.add(OUT.resolve(service + ".openapi.json").toString()));
		Result lint = run(OUT, OUT.resolve("spectral.log"), Duration.ofMinutes(3), command.toArray(String[]::new));
		assertThat(lint.exitCode()).as("Spectral found errors:\n%s", lint.errors()).isZero();
	}

	@Test
	void everyOperationKeepsItsContractAndRefusesFuzzedInput() throws Exception {
		String operatorToken = operatorToken();
		List<String> failures = new ArrayList<>();
		for (String service : SERVICES) {
			Path collection = OUT.resolve(service + ".postman.json");
			Result generated = run(OUT, OUT.resolve(service + ".portman.log"), Duration.ofMinutes(3), tool("portman"),
					"-l", OUT.resolve(service + ".openapi.json").toString(), "-c",
					CONTRACT.resolve("portman-config.json").toString(), "-o", collection.toString(), "--includeTests",
					"true");
			Path report = OUT.resolve(service + ".newman.json");
			Files.deleteIfExists(report);
			if (generated.exitCode() != 0) {
				failures.add(service + ": Portman could not turn the document into tests:\n" + generated.tail());
				continue;
			}
			validateSchemasOfSuccessesOnly(collection);
			run(OUT, OUT.resolve(service + ".newman.log"), Duration.ofMinutes(5), tool("newman"), "run",
					collection.toString(), "--env-var", "bearerToken=" + operatorToken, "--env-var",
					"baseUrl=" + gateway, "--reporters", "cli,json", "--reporter-json-export", report.toString(),
					"--timeout-request", "20000");
			failures.addAll(failuresIn(service, report));
		}
		assertThat(failures).as("contract and fuzz failures (reports in %s)", OUT).isEmpty();
	}

	/**
	 * Portman checks every answer against the operation's success schema. A refusal is
	 * checked by the config's own test instead (problem+json with a code), so the success
	 * schema applies to 2xx answers only.
	 */
	private static void validateSchemasOfSuccessesOnly(Path collection) throws IOException {
		String text = Files.readString(collection);
		Files.writeString(collection,
				SCHEMA_TEST.matcher(text)
					.replaceAll((match) -> "if (pm.response.code >= 200 && pm.response.code < 300) "
							+ java.util.regex.Matcher.quoteReplacement(match.group())));
	}

	private static List<String> failuresIn(String service, Path report) throws IOException {
		if (!Files.exists(report)) {
			return List.of(service + ": Newman wrote no report; see " + OUT.resolve(service + ".newman.log"));
		}
		List<String> failures = new ArrayList<>();
		for (JsonNode failure : json.readTree(report.toFile()).path("run").path("failures")) {
			String message = failure.path("error").path("message").asString();
			failures.add(service + ": " + failure.path("source").path("name").asString() + " | "
					+ failure.path("error").path("test").asString() + " | "
					+ message.substring(0, Math.min(400, message.length())));
		}
		return failures;
	}

	private static String operatorToken() throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(gateway + "/v1/oauth/token"))
					.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString("local-operator:local-operator-secret".getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).path("access_token").asString();
	}

	private static String tool(String name) {
		return TOOLS.resolve("node_modules").resolve(".bin").resolve(name).toString();
	}

	private static Result run(Path directory, Path log, Duration timeout, String... command)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return new Result(-1, log);
		}
		return new Result(process.exitValue(), log);
	}

	private record Result(int exitCode, Path log) {

		String tail() throws IOException {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}

		String errors() throws IOException {
			return String.join("\n",
					Files.readAllLines(this.log).stream().filter((l) -> l.contains(" error ")).toList());
		}

	}

}
