package io.lookervault.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.run(dir, env, args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun r = run(Map.of(), "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("lookervault ").doesNotContain("${project.version}");
    }

    @Test
    void helpListsEveryCommandWithASummary() {
        CliRun r = run(Map.of(), "--help");
        assertThat(r.exitCode()).isZero();
        CommandLine cl = Main.commandLine(new CliContext(System.out, System.err, Map.of(), dir, new Shutdown()));
        assertThat(cl.getSubcommands()).isNotEmpty();
        for (String name : cl.getSubcommands().keySet()) {
            assertThat(r.out()).contains("  " + name + " ");
        }
        assertThat(r.out()).contains("Exit codes").contains("130 interrupted");
    }

    @Test
    void onlyTheNamedSubcommandIsBuiltAndAnythingElseBuildsThemAll() {
        CliContext ctx = new CliContext(System.out, System.err, Map.of(), dir, new Shutdown());
        int all = Main.commandLine(ctx).getSubcommands().size();
        // "--db runs": "runs" is the option's value (a file), so "extract" is the command
        assertThat(Main.commandLine(ctx, new String[] {"--db", "runs", "-q", "extract", "--workers", "2"})
                .getSubcommands().keySet()).containsExactly("extract");
        assertThat(Main.commandLine(ctx, new String[] {"--output=json", "runs", "show", "1"})
                .getSubcommands().keySet()).containsExactly("runs");
        assertThat(Main.commandLine(ctx, new String[] {"--help"}).getSubcommands()).hasSize(all);
        assertThat(Main.commandLine(ctx, new String[] {"extrct"}).getSubcommands()).hasSize(all);
        CliRun typo = run(Map.of(), "extrct");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("'extrct'");
    }

    @Test
    void everyCommandsHelpHasExamples() {
        CommandLine cl = Main.commandLine(new CliContext(System.out, System.err, Map.of(), dir, new Shutdown()));
        for (String name : cl.getSubcommands().keySet()) {
            CliRun r = run(Map.of(), name, "--help");
            assertThat(r.exitCode()).as("%s --help", name).isZero();
            assertThat(r.out()).as("%s --help", name).contains("Example");
        }
        CliRun serve = run(Map.of(), "sim", "serve", "--help");
        assertThat(serve.exitCode()).isZero();
        assertThat(serve.out()).contains("--scale").contains("Example");
    }

    @Test
    void badTimeoutIsAUsageErrorNamingSettingAndSource() {
        CliRun r = run(Map.of("LOOKERSDK_TIMEOUT", "soon"), "check");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("timeout").contains("LOOKERSDK_TIMEOUT").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void unknownOptionIsAUsageErrorThatPointsToHelp() {
        CliRun r = run(Map.of(), "check", "--frobnicate");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--frobnicate").contains("lookervault check --help");
    }

    @Test
    void badOutputFormatIsAUsageError() {
        assertThat(run(Map.of(), "check", "--output", "yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void checkWithoutCredentialsSaysWhatToSetAndExits2() {
        CliRun r = run(Map.of(), "check");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("base_url").contains("LOOKERSDK_BASE_URL").contains("Not ready");
    }

    @Test
    void infoWithoutCredentialsShowsTheVaultHalfAndSaysWhyLookerWasSkipped() {
        CliRun r = run(Map.of(), "info");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("skipped: base_url is not set").contains("LOOKERSDK_BASE_URL")
                .contains("not created yet");
    }

    @Test
    void globalOptionsWorkBeforeOrAfterTheCommand() {
        Map<String, String> env = Map.of();
        CliRun before = run(env, "--output", "json", "check");
        CliRun after = run(env, "check", "--output", "json");
        assertThat(before.out()).startsWith("{");
        assertThat(after.out()).startsWith("{");
        assertThat(before.out()).contains("\"ready\" : false");
    }

    @Test
    void dbFlagAndEnvAreReportedWithTheirSource() {
        CliRun r = run(Map.of("LOOKERVAULT_DB", "env.db"), "check", "--db", "flag.db");
        assertThat(r.out()).contains("flag.db").contains("command line (--db)");
    }

    @Test
    void unexpectedErrorsAreOneLineWithoutStackTraceUnlessVerbose() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), dir,
                new Shutdown());
        GlobalOptions quiet = new GlobalOptions();
        int code = new ErrorHandler(ctx, quiet).handle(new IllegalStateException("boom"));
        assertThat(code).isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("boom").contains("-v");
    }

    @Test
    void lookerFailuresSayWhatToDo() {
        assertThat(ErrorHandler.message(new io.lookervault.looker.ServerException("GET", "/looks/1", 503,
                "GET /looks/1 → 503", null))).contains("after retries").contains("--rate-limit-per-second");
        assertThat(ErrorHandler.message(new io.lookervault.looker.ForbiddenException("GET", "/users", 403,
                "GET /users → 403", null))).contains("lookervault check");
        assertThat(ErrorHandler.message(new io.lookervault.looker.NetworkException("GET", "/x", "GET /x: refused",
                null))).contains("base_url").contains("lookervault check");
    }

    @Test
    void exitCodesFollowTheExceptionType() {
        assertThat(ErrorHandler.exitCode(new InterruptedException())).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(ErrorHandler.exitCode(new io.lookervault.config.ConfigException("x", "bad")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(ErrorHandler.exitCode(new io.lookervault.looker.AuthenticationException("POST", "/login", 404,
                "no", null))).isEqualTo(ExitCodes.CONNECT);
        assertThat(ErrorHandler.exitCode(new io.lookervault.looker.NetworkException("GET", "/x", "refused", null)))
                .isEqualTo(ExitCodes.CONNECT);
        assertThat(ErrorHandler.exitCode(new io.lookervault.looker.ServerException("GET", "/x", 500, "x", null)))
                .isEqualTo(ExitCodes.UNEXPECTED);
        assertThat(ErrorHandler.exitCode(new CommandException(ExitCodes.PARTIAL, "some failed")))
                .isEqualTo(ExitCodes.PARTIAL);
    }
}
