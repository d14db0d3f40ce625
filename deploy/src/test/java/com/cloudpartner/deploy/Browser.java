package com.cloudpartner.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A headless Chromium driven through chromedriver, the way an end user's or a partner's
 * browser meets the consoles: Debian's {@code chromium} and {@code chromium-driver}
 * (.ci/run installs them when missing; without them the browser tests are skipped, never
 * failed, so that {@code ./mvnw verify} still works with only a JDK). Screenshots are
 * kept as test artifacts under {@code deploy/target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private Browser(ChromeDriver driver) {
		this.driver = driver;
	}

	/** Skips the calling test when this machine has no Chromium to drive. */
	static void assumeInstalled() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "browser tests need " + CHROMIUM
				+ " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver; .ci/run does)");
	}

	/**
	 * A new browser whose user prefers a language ({@code ko}, {@code en}), in a window
	 * the size of a laptop screen.
	 */
	static Browser open(String language) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,1000", "--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new Browser(new ChromeDriver(service, options));
	}

	void get(String url) {
		this.driver.get(url);
	}

	String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	/** The element, once it is on the page. */
	WebElement find(By by) {
		return new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/**
	 * Waits until the element's text contains the given text, and returns the element.
	 */
	WebElement waitForText(By by, String text) {
		new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return this.driver.findElement(by);
	}

	/** Waits until the element's attribute has the value (a page that updates itself). */
	WebElement waitForAttribute(By by, String attribute, String value) {
		new WebDriverWait(this.driver, PATIENCE).until(ExpectedConditions.attributeToBe(by, attribute, value));
		return this.driver.findElement(by);
	}

	String pageSource() {
		return this.driver.getPageSource();
	}

	/** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		return file;
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
