package io.lookervault.cli;

import io.lookervault.config.ConfigException;
import io.lookervault.looker.AuthenticationException;
import io.lookervault.looker.LookerException;
import io.lookervault.looker.NetworkException;
import io.lookervault.vault.VaultBusyException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where exceptions become exit codes and one-line messages on stderr. Stack traces only
 * with {@code -v}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final CliContext ctx;
    private final GlobalOptions global;

    ErrorHandler(CliContext ctx, GlobalOptions global) {
        this.ctx = ctx;
        this.global = global;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        ctx.err().println("lookervault: " + e.getMessage());
        ctx.err().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        return handle(e);
    }

    int handle(Throwable e) {
        int code = exitCode(e);
        ctx.err().println("lookervault: " + message(e));
        if (global.verbose() && code != ExitCodes.INTERRUPTED) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            ctx.err().print(trace);
        }
        return code;
    }

    static int exitCode(Throwable e) {
        if (e instanceof CommandException ce) {
            return ce.exitCode();
        }
        if (e instanceof ConfigException || e instanceof ParameterException || e instanceof VaultBusyException
                || e instanceof io.lookervault.vault.VaultUnreadableException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof AuthenticationException || e instanceof NetworkException) {
            return ExitCodes.CONNECT;
        }
        if (e instanceof InterruptedException) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.UNEXPECTED;
    }

    static String message(Throwable e) {
        if (e instanceof CommandException || e instanceof ConfigException || e instanceof VaultBusyException) {
            return e.getMessage();
        }
        if (e instanceof io.lookervault.vault.VaultUnreadableException) {
            return e.getMessage() + "; point --db at a LookerVault vault (or a new file)";
        }
        if (e instanceof AuthenticationException) {
            return "cannot log in to Looker: " + e.getMessage();
        }
        if (e instanceof NetworkException) {
            return "cannot reach Looker: " + e.getMessage() + ". Check base_url (LOOKERSDK_BASE_URL) and the network;"
                    + " 'lookervault check' tests the connection.";
        }
        if (e instanceof LookerException le && le.isTransient()) {
            return "Looker kept failing after retries: " + e.getMessage() + ". Try again later, or lower the"
                    + " request rate (--rate-limit-per-second, --workers).";
        }
        if (e instanceof LookerException) {
            return "Looker refused a request: " + e.getMessage() + ". If it is a permission, 'lookervault check'"
                    + " shows which ones the API user lacks.";
        }
        if (e instanceof InterruptedException) {
            return "interrupted";
        }
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage();
        return "unexpected error: " + e.getClass().getSimpleName() + msg + " (run with -v for the stack trace)";
    }
}
