package cn.jiaoyun.host;

import io.micronaut.serde.annotation.Serdeable;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * A fault of a module's code, as the platform administrator reads it on the module's page. The
 * caller gets only its {@code id}.
 *
 * @param detail the exception and the module's frame it came from
 */
@Serdeable
public record Incident(String id, Instant at, String node, String version, String detail) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    /** A short random id people can read out: 8 letters and digits (no 0/o, 1/l/i). */
    static String newId() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
