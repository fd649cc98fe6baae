package cn.jiaoyun.postgres;

import java.security.SecureRandom;
import java.util.Objects;

/** A PostgreSQL login. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!username.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL role name: " + username);
        }
    }

    /** A random password of the given length from an alphabet without look-alike characters. */
    public static String randomPassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
