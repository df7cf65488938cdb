package org.tradeflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build prints no warning only with the Quarkus plugin's Maven extensions enabled and a Maven that keeps them
 * (3.9 or later: Maven 3.8 gives the plugin's build goal a fresh, never-started copy of its session listener, so the
 * plugin warns that its extensions are off). So the pom enables them, ./mvnw pins a Maven of at least 3.9, and the
 * README's commands and CI build through ./mvnw. Checked from the files: running Maven here would take minutes.
 */
class BuildToolTest {

    @Test
    void thePomEnablesTheQuarkusPluginsMavenExtensions() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher plugin = Pattern.compile("<plugin>\\s*(?:(?!</plugin>).)*?<artifactId>quarkus-maven-plugin</artifactId>"
                + "(?:(?!</plugin>).)*</plugin>", Pattern.DOTALL).matcher(pom);
        assertThat(plugin.find()).as("quarkus-maven-plugin declared in pom.xml").isTrue();
        assertThat(plugin.group()).contains("<extensions>true</extensions>");
    }

    @Test
    void theWrapperRunsAMavenThatKeepsTheExtensionsAndReadmeAndCiUseIt() throws Exception {
        Path wrapper = Path.of("mvnw");
        assertThat(Files.isExecutable(wrapper)).as("mvnw is executable").isTrue();
        Matcher version = Pattern.compile("(?m)^MAVEN_VERSION=(\\d+)\\.(\\d+)\\.(\\d+)$").matcher(Files.readString(wrapper));
        assertThat(version.find()).as("mvnw names its Maven version").isTrue();
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        assertThat(major > 3 || major == 3 && minor >= 9).as("Maven %s.%s is 3.9 or later", major, minor).isTrue();

        assertThat(Files.readString(Path.of(".ci", "run"))).containsPattern("(?m)^\\./mvnw test$");
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("`./mvnw package -DskipTests && java -jar target/quarkus-app/quarkus-run.jar`",
                "`./mvnw test`");
        assertThat(readme).doesNotContainPattern("`mvn (package|test)");
    }
}
