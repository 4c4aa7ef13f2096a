package io.lookervault.snapshot;

import com.exceptionfactory.jagged.FileKey;
import com.exceptionfactory.jagged.RecipientStanza;
import com.exceptionfactory.jagged.RecipientStanzaReader;
import com.exceptionfactory.jagged.RecipientStanzaWriter;
import com.exceptionfactory.jagged.UnsupportedRecipientStanzaException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * age's passphrase recipient ({@code -> scrypt <salt> <log2 N>}, age-encryption.org/v1 "scrypt recipient
 * stanza") on jagged's stanza interfaces, because jagged-scrypt does not resolve here. The wrap key is
 * scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt, N = 2^logN, r = 8, p = 1, 32 bytes); the body is
 * the file key sealed with ChaCha20-Poly1305 under it and a zero nonce (safe: every file gets a fresh salt, so
 * a fresh wrap key). A reader refuses a header where the scrypt stanza is not alone, a non-canonical salt or
 * work factor, and a work factor above {@link #MAX_WORK_FACTOR} (age's own limit), so a hostile file cannot
 * make it spend minutes and gigabytes.
 */
final class AgeScrypt {
    static final String TYPE = "scrypt";
    static final String LABEL = "age-encryption.org/v1/scrypt";
    /** age's default when encrypting: about a second of one core and 256 MB. */
    static final int DEFAULT_WORK_FACTOR = 18;
    static final int MAX_WORK_FACTOR = 22;
    private static final int SALT_BYTES = 16;
    private static final int FILE_KEY_BYTES = 16;
    private static final int BODY_BYTES = FILE_KEY_BYTES + 16;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgeScrypt() {}

    /** Encrypts the file key to a passphrase, with a fresh salt. */
    static RecipientStanzaWriter writer(byte[] passphrase, int workFactor) {
        if (workFactor < 1 || workFactor > MAX_WORK_FACTOR) {
            throw new IllegalArgumentException("scrypt work factor must be 1.." + MAX_WORK_FACTOR);
        }
        byte[] pass = passphrase.clone();
        return fileKey -> {
            byte[] salt = new byte[SALT_BYTES];
            RANDOM.nextBytes(salt);
            byte[] body = chacha(Cipher.ENCRYPT_MODE, wrapKey(pass, salt, workFactor), fileKey.getEncoded());
            return List.of(new Stanza(List.of(B64.encodeToString(salt), Integer.toString(workFactor)), body));
        };
    }

    /** Opens a header whose only stanza is a scrypt stanza sealed with this passphrase. */
    static RecipientStanzaReader reader(byte[] passphrase) {
        byte[] pass = passphrase.clone();
        return stanzas -> {
            List<RecipientStanza> all = new ArrayList<>();
            stanzas.forEach(all::add);
            RecipientStanza s = all.stream().filter(x -> TYPE.equals(x.getType())).findFirst()
                    .orElseThrow(() -> new UnsupportedRecipientStanzaException("no scrypt stanza: not encrypted"
                            + " with a passphrase"));
            if (all.size() != 1) {
                throw new UnsupportedRecipientStanzaException("a scrypt stanza must be the only stanza of a header");
            }
            List<String> args = s.getArguments();
            if (args.size() != 2) {
                throw new UnsupportedRecipientStanzaException("a scrypt stanza has two arguments, salt and work factor");
            }
            byte[] salt = canonical(args.get(0));
            if (salt.length != SALT_BYTES) {
                throw new UnsupportedRecipientStanzaException("a scrypt salt is 16 bytes");
            }
            int logN = workFactor(args.get(1));
            if (s.getBody().length != BODY_BYTES) {
                throw new UnsupportedRecipientStanzaException("a scrypt stanza body is 32 bytes");
            }
            return new FileKey(chacha(Cipher.DECRYPT_MODE, wrapKey(pass, salt, logN), s.getBody()));
        };
    }

    /** Decimal, 1..22, no sign and no leading zero (age's canonical form). */
    static int workFactor(String arg) throws UnsupportedRecipientStanzaException {
        if (!arg.matches("[1-9][0-9]?")) {
            throw new UnsupportedRecipientStanzaException("a scrypt work factor is a decimal number without leading"
                    + " zeros");
        }
        int logN = Integer.parseInt(arg);
        if (logN > MAX_WORK_FACTOR) {
            throw new UnsupportedRecipientStanzaException("scrypt work factor " + logN + " is above " + MAX_WORK_FACTOR);
        }
        return logN;
    }

    private static byte[] canonical(String b64) throws UnsupportedRecipientStanzaException {
        try {
            byte[] raw = Base64.getDecoder().decode(b64);
            if (!B64.encodeToString(raw).equals(b64)) {
                throw new UnsupportedRecipientStanzaException("a scrypt salt is not canonical base64");
            }
            return raw;
        } catch (IllegalArgumentException e) {
            throw new UnsupportedRecipientStanzaException("a scrypt salt is not base64");
        }
    }

    static byte[] wrapKey(byte[] passphrase, byte[] salt, int logN) {
        byte[] label = LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] s = Arrays.copyOf(label, label.length + salt.length);
        System.arraycopy(salt, 0, s, label.length, salt.length);
        return SCrypt.generate(passphrase, s, 1 << logN, 8, 1, 32);
    }

    private static byte[] chacha(int mode, byte[] key, byte[] in) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("ChaCha20-Poly1305");
        c.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(new byte[12]));
        return c.doFinal(in);
    }

    private record Stanza(List<String> arguments, byte[] body) implements RecipientStanza {
        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public List<String> getArguments() {
            return arguments;
        }

        @Override
        public byte[] getBody() {
            return body.clone();
        }
    }
}
