package dochooks.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a user sees it, by the ids and classes its markup promises: the list of integrations, the form,
 * the user's connections and the language switcher. Every wait is bounded.
 */
final class ConsolePage {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String baseUrl;

    ConsolePage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the console as the startup line's address does, with the token in the fragment. */
    ConsolePage openWithToken(String token) {
        driver.get(baseUrl + "/console/#token=" + token);
        return this;
    }

    ConsolePage open() {
        driver.get(baseUrl + "/console/");
        return this;
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    WebElement visible(String id) {
        return until(d -> {
            WebElement element = d.findElement(By.id(id));
            return element.isDisplayed() ? element : null;
        });
    }

    boolean isShown(String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** The list's row of the integration named so, once it is there. */
    WebElement row(String name) {
        return until(d -> rowNow(name).orElse(null));
    }

    Optional<WebElement> rowNow(String name) {
        try {
            return driver.findElements(By.cssSelector("#integrations-table tr[data-id]")).stream()
                    .filter(row -> row.findElement(By.cssSelector(".name")).getText().equals(name)).findFirst();
        } catch (StaleElementReferenceException rerendered) {
            return Optional.empty();
        }
    }

    String cell(String name, String cellClass) {
        return until(d -> {
            try {
                return row(name).findElement(By.cssSelector("." + cellClass)).getText();
            } catch (StaleElementReferenceException rerendered) {
                return null;
            }
        });
    }

    void openAddForm() {
        visible("add-integration").click();
        visible("integration-form");
    }

    void edit(String name) {
        row(name).findElement(By.cssSelector("button.edit")).click();
        until(d -> byId("form-title").isDisplayed() && !field("name").getAttribute("value").isEmpty());
    }

    WebElement field(String apiName) {
        return byId("field-" + apiName);
    }

    void type(String apiName, String text) {
        WebElement input = field(apiName);
        input.clear();
        input.sendKeys(text);
    }

    void chooseAuthType(String authType) {
        new Select(field("authType")).selectByValue(authType);
    }

    /** Fills the fields given (API names to values; authType first when present). */
    void fill(Map<String, String> fields) {
        if (fields.containsKey("authType")) {
            chooseAuthType(fields.get("authType"));
        }
        fields.forEach((name, value) -> {
            if (!name.equals("authType")) {
                type(name, value);
            }
        });
    }

    void save() {
        byId("form-submit").click();
    }

    /** Saves and waits for the list to come back. */
    void saveAndReturnToList() {
        save();
        until(d -> !byId("form-view").isDisplayed() && byId("integrations-view").isDisplayed());
    }

    String errorOf(String apiName) {
        return until(d -> {
            WebElement error = byId("error-" + apiName);
            return error.isDisplayed() && !error.getText().isBlank() ? error.getText() : null;
        });
    }

    String labelOf(String apiName) {
        return driver.findElement(By.cssSelector("label[for='field-" + apiName + "']")).getText().trim();
    }

    void chooseLanguage(String tag) {
        new Select(byId("language")).selectByValue(tag);
        until(d -> tag.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** The connection entry of an integration in the user's part. */
    WebElement connection(String name) {
        return until(d -> {
            try {
                return d.findElements(By.cssSelector("#connections-list li[data-id]")).stream()
                        .filter(item -> item.findElement(By.cssSelector(".name")).getText().equals(name))
                        .findFirst().orElse(null);
            } catch (StaleElementReferenceException rerendered) {
                return null;
            }
        });
    }

    String connectionState(String name) {
        return until(d -> {
            try {
                return connection(name).findElement(By.cssSelector(".connection-state")).getText();
            } catch (StaleElementReferenceException rerendered) {
                return null;
            }
        });
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves a screenshot of the whole window as {@code name}.png into {@code folder}. */
    Path screenshot(Path folder, String name) throws java.io.IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        Path taken = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }
}
