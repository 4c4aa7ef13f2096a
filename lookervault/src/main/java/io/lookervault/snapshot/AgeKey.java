package io.lookervault.snapshot;

import com.exceptionfactory.jagged.framework.stream.StandardDecryptingChannelFactory;
import com.exceptionfactory.jagged.framework.stream.StandardEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaReaderFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * An age X25519 identity ({@code AGE-SECRET-KEY-1...}, as {@code age-keygen} makes) and its recipient
 * ({@code age1...}). Every object of an encrypted store is a standard age file to that recipient, so
 * {@code age -d -i key.txt} opens it without LookerVault.
 */
public final class AgeKey {
    private final String identity;
    private final String recipient;

    private AgeKey(String identity, String recipient) {
        this.identity = identity;
        this.recipient = recipient;
    }

    /** @throws SnapshotException when {@code identity} is not an age X25519 secret key */
    public static AgeKey parse(String identity) {
        String id = identity.strip();
        try {
            Object pub = new X25519KeyFactory().translateKey(new SecretKeySpec(id.getBytes(StandardCharsets.UTF_8),
                    "X25519"));
            return new AgeKey(id, pub.toString());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SnapshotException("the snapshot key is not an age identity (AGE-SECRET-KEY-1...): make one"
                    + " with `lookervault snapshot keygen` or `age-keygen`");
        }
    }

    /** A new identity. */
    public static AgeKey generate() {
        try {
            return parse(new X25519KeyPairGenerator().generateKeyPair().getPrivate().toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is part of every JDK 11+", e);
        }
    }

    public String identity() {
        return identity;
    }

    public String recipient() {
        return recipient;
    }

    byte[] encrypt(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 512);
        try (WritableByteChannel ch = new StandardEncryptingChannelFactory().newEncryptingChannel(
                Channels.newChannel(out), List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)))) {
            ch.write(java.nio.ByteBuffer.wrap(plain));
        } catch (IOException | GeneralSecurityException e) {
            throw new SnapshotException("cannot encrypt: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Encrypts to the stanza writer given (e.g. a passphrase). */
    static byte[] encrypt(byte[] plain, com.exceptionfactory.jagged.RecipientStanzaWriter to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 512);
        try (WritableByteChannel ch = new StandardEncryptingChannelFactory().newEncryptingChannel(
                Channels.newChannel(out), List.of(to))) {
            ch.write(java.nio.ByteBuffer.wrap(plain));
        } catch (IOException | GeneralSecurityException e) {
            throw new SnapshotException("cannot encrypt: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Decrypts with the stanza reader given (e.g. a passphrase). */
    static byte[] decrypt(byte[] sealed, com.exceptionfactory.jagged.RecipientStanzaReader with)
            throws IOException, GeneralSecurityException {
        try (ReadableByteChannel ch = new StandardDecryptingChannelFactory().newDecryptingChannel(
                Channels.newChannel(new ByteArrayInputStream(sealed)), List.of(with))) {
            return Channels.newInputStream(ch).readAllBytes();
        }
    }

    /** @throws SnapshotException when this key cannot open {@code sealed} or it was altered */
    byte[] decrypt(byte[] sealed, String what) {
        try (ReadableByteChannel ch = new StandardDecryptingChannelFactory().newDecryptingChannel(
                Channels.newChannel(new ByteArrayInputStream(sealed)),
                List.of(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity)))) {
            return Channels.newInputStream(ch).readAllBytes();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new SnapshotException(what + " cannot be decrypted with this key, or was altered in the store ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A stream that age-encrypts to this key's recipient into {@code out} (closing it finishes the file). */
    OutputStream encryptingStream(OutputStream out) throws IOException, GeneralSecurityException {
        return Channels.newOutputStream(new StandardEncryptingChannelFactory().newEncryptingChannel(
                Channels.newChannel(out), List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient))));
    }

    /** A stream that age-decrypts {@code in} with this identity. */
    InputStream decryptingStream(InputStream in, String what) {
        try {
            return Channels.newInputStream(new StandardDecryptingChannelFactory().newDecryptingChannel(
                    Channels.newChannel(in), List.of(X25519RecipientStanzaReaderFactory.newRecipientStanzaReader(identity))));
        } catch (IOException | GeneralSecurityException e) {
            throw new SnapshotException(what + " cannot be decrypted with this key, or was altered in the store ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }
}
