package io.streamsight.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.streamsight.models.ModelSource;
import io.streamsight.models.ModelSource.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry clients, with stand-in mvn and npm executables: no network. */
class PackageSourcesTest {

  private static final ModelSource MAVEN =
      new ModelSource(Registry.MAVEN, "io.test:ocr-models:1.2.2", "0".repeat(64));
  private static final ModelSource NPM =
      new ModelSource(Registry.NPM, "@test/vad@0.0.31", "0".repeat(64));

  @TempDir Path tmp;

  @Test
  void shouldReadAMavenArtifactInPlaceFromTheLocalRepository() throws IOException {
    Path repo = tmp.resolve("repo");
    Path jar = repo.resolve("io/test/ocr-models/1.2.2/ocr-models-1.2.2.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {1, 2, 3});

    Path fetched =
        new MavenPackageSource(repo, true, tmp.resolve("no-mvn-here").toString())
            .fetch(MAVEN, work());

    assertThat(fetched).isEqualTo(jar);
  }

  @Test
  void shouldAskMavenForAnArtifactTheLocalRepositoryLacks() throws IOException {
    Path args = tmp.resolve("mvn-args");
    Path mvn =
        script(
            "mvn",
            "echo \"$@\" > " + args,
            "for a in \"$@\"; do case $a in -DoutputDirectory=*) out=${a#-DoutputDirectory=};; esac;"
                + " done",
            "printf jar > \"$out/ocr-models-1.2.2.jar\"");

    Path fetched =
        new MavenPackageSource(tmp.resolve("repo"), true, mvn.toString()).fetch(MAVEN, work());

    assertThat(fetched).hasContent("jar");
    assertThat(Files.readString(args))
        .contains("-o ")
        .contains("-Dmaven.repo.local=" + tmp.resolve("repo"))
        .contains("org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy")
        .contains("-Dartifact=io.test:ocr-models:1.2.2");
  }

  @Test
  void shouldSayWhatMavenPrintedWhenItFails() throws IOException {
    Path mvn = script("mvn", "echo '[ERROR] Could not resolve io.test:ocr-models:1.2.2'", "exit 1");

    assertThatThrownBy(
            () ->
                new MavenPackageSource(tmp.resolve("repo"), false, mvn.toString())
                    .fetch(MAVEN, work()))
        .isInstanceOf(PackageUnavailableException.class)
        .hasMessageContaining(
            "mvn dependency:copy io.test:ocr-models:1.2.2 failed with exit code 1")
        .hasMessageContaining("[ERROR] Could not resolve");
  }

  @Test
  void shouldPackTheNpmTarballPreferringNpmsCache() throws IOException {
    Path args = tmp.resolve("npm-args");
    Path npm = script("npm", "echo \"$@\" > " + args, "printf tgz > test-vad-0.0.31.tgz");

    Path fetched = new NpmPackageSource(false, npm.toString()).fetch(NPM, work());

    assertThat(fetched).hasContent("tgz").hasFileName("test-vad-0.0.31.tgz");
    assertThat(Files.readString(args).strip())
        .isEqualTo("pack @test/vad@0.0.31 --ignore-scripts --prefer-offline");
  }

  @Test
  void shouldUseOnlyNpmsCacheOffline() throws IOException {
    Path npm =
        script(
            "npm",
            "case \"$*\" in *--offline*) echo 'npm error code ENOTCACHED' >&2; exit 1;; esac");

    assertThatThrownBy(() -> new NpmPackageSource(true, npm.toString()).fetch(NPM, work()))
        .isInstanceOf(PackageUnavailableException.class)
        .hasMessageContaining("npm pack @test/vad@0.0.31 (offline) failed")
        .hasMessageContaining("ENOTCACHED");
  }

  @Test
  void shouldSayClearlyThatNpmIsMissing() {
    String missing = tmp.resolve("bin/npm").toString();

    assertThatThrownBy(() -> new NpmPackageSource(false, missing).fetch(NPM, work()))
        .isInstanceOf(PackageUnavailableException.class)
        .hasMessageStartingWith(missing + " could not be run (")
        .hasMessageContaining("install Node.js with npm");
  }

  private Path work() throws IOException {
    return Files.createTempDirectory(tmp, "work-");
  }

  /** A stand-in executable (a POSIX shell script). */
  private Path script(String name, String... lines) throws IOException {
    assumeFalse(
        System.getProperty("os.name", "").startsWith("Windows"),
        "stand-in tools are shell scripts");
    Path file = tmp.resolve(name);
    Files.write(
        file,
        ("#!/bin/sh\n" + String.join("\n", List.of(lines)) + "\n")
            .getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
