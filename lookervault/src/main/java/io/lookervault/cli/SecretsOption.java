package io.lookervault.cli;

import io.lookervault.restore.RestoreException;
import io.lookervault.restore.SecretsFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What a restore of the instance (issue #11) is given: {@code --secrets FILE} (env {@code LOOKERVAULT_SECRETS}),
 * the secrets file, and {@code --enable-auth}.
 */
final class SecretsOption {
    static final String ENV = "LOOKERVAULT_SECRETS";

    @Option(names = "--secrets", paramLabel = "FILE", description = "TOML file with the write-only secrets"
            + " (connection passwords, git passwords, OIDC/LDAP/OAuth secrets) the restored objects need; mode 0600."
            + " Write one with `lookervault secrets template`. Env LOOKERVAULT_SECRETS. Without it, each needed"
            + " secret is reported unset.")
    Path file;

    @Option(names = "--enable-auth", description = "Enable SAML/OIDC/LDAP at the destination where the backup has"
            + " them enabled. Default: restored disabled, as an identity provider that does not know this Looker"
            + " would lock everyone out.")
    boolean enableAuth;

    /** The file named by the flag, else by the environment, else none; a bad file is a usage error (exit 2). */
    SecretsFile resolve(CliContext ctx) {
        Path p = file;
        if (p == null) {
            String env = ctx.env().get(ENV);
            p = env == null || env.isBlank() ? null : Path.of(env);
        }
        if (p == null) {
            return SecretsFile.none();
        }
        try {
            return SecretsFile.load(ctx.workingDir().resolve(p));
        } catch (RestoreException e) {
            throw new CommandException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
